//! Plain-text original documents importer (under construction).
