-- One database per service (as in the local stack) and one for Keycloak, all owned by the application role.
CREATE DATABASE project OWNER pipeline;
CREATE DATABASE approval OWNER pipeline;
CREATE DATABASE reporting OWNER pipeline;
CREATE DATABASE keycloak OWNER pipeline;
