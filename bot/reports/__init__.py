"""What people read as files or composed views: charts, CSV exports, /mydata."""
