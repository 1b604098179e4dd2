package com.zava.retail.adapters.redis.archviolation;

import com.zava.retail.adapters.postgres.MigrationSettings;

/** Fixture: one adapter depending on another. Must be caught. */
public class RedisAdapterUsingPostgresAdapter {

    // A field, not a constant: compile-time constants are inlined and leave no dependency behind.
    MigrationSettings settings;
}
