"""What a person does, as one function each: reads and one store operation for its writes."""
