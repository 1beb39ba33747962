-- One database per service, on the one PostgreSQL server of docker-compose.
create database booking;
create database payment;
create database calendar;
create database notification;
