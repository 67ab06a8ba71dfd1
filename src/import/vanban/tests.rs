//! Unit tests of the whole parser on fixtures written for the project.
