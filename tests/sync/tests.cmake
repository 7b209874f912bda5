# Center and sync tests.
