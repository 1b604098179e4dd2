package com.zava.retail.application.archviolation;

import com.zava.retail.adapters.postgres.MigrationSettings;

/** Fixture: a use case that calls an adapter directly instead of a port. Must be caught. */
public class ApplicationUsingAnAdapter {

    // A field, not a constant: compile-time constants are inlined and leave no dependency behind.
    MigrationSettings settings;
}
