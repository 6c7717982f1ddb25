"""The test suite's own project: settings, URLs and a base template, independent of the example site."""
