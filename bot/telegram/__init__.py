"""The Telegram adapter's wiring: the Application, services, ordering, delivery, keyboards, webhook."""
