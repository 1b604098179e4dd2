package com.zava.retail.bootstrap.archviolation;

import org.springframework.beans.factory.annotation.Autowired;

/** Fixture: field injection. Must be caught. */
public class FieldInjected {

    @Autowired
    Object dependency;
}
