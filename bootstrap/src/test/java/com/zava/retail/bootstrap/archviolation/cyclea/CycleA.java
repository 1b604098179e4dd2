package com.zava.retail.bootstrap.archviolation.cyclea;

import com.zava.retail.bootstrap.archviolation.cycleb.CycleB;

/** Fixture: half of a package cycle. Must be caught. */
public class CycleA {

    CycleB other;
}
