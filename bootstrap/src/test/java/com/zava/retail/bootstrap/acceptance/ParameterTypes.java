package com.zava.retail.bootstrap.acceptance;

import com.zava.retail.application.sampledata.ZavaStore;
import io.cucumber.java.ParameterType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The words of the features that name callers, stores and transports. */
public class ParameterTypes {

    private static final String STORES = "Seattle|Bellevue|Tacoma|Spokane|Everett|Redmond|Kirkland|Online";

    /** "head office" or "the Seattle manager". */
    @ParameterType("head office|the (?:" + STORES + ") manager")
    public Caller caller(String text) {
        if (text.equals("head office")) {
            return Caller.HEAD_OFFICE;
        }
        return Caller.managerOf(Caller.store(text.substring("the ".length(), text.length() - " manager".length())));
    }

    @ParameterType(STORES)
    public ZavaStore store(String name) {
        return Caller.store(name);
    }

    /** "retail.orders", "a, b and c": names without spaces, listed the way people write lists. */
    @ParameterType("[\\w.]+(?:, [\\w.]+)*(?: and [\\w.]+)?")
    public List<String> names(String text) {
        return Arrays.stream(text.split(", | and ")).map(String::strip).toList();
    }

    @ParameterType("HTTP|stdio")
    public Transport transport(String name) {
        return Transport.valueOf(name.toUpperCase(Locale.ROOT));
    }
}
