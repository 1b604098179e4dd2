package com.zava.retail.bootstrap.archviolation.cycleb;

import com.zava.retail.bootstrap.archviolation.cyclea.CycleA;

/** Fixture: the other half of a package cycle. Must be caught. */
public class CycleB {

    CycleA other;
}
