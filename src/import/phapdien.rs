//! Pháp điển importer (under construction).
