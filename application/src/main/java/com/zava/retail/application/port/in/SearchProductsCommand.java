package com.zava.retail.application.port.in;

import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.RowLimit;
import com.zava.retail.domain.SearchPhrase;
import com.zava.retail.domain.SimilarityThreshold;
import java.util.Objects;

/** A semantic product search by one manager. */
public record SearchProductsCommand(ManagerId caller, SearchPhrase phrase, RowLimit maxRows,
        SimilarityThreshold threshold) {

    public SearchProductsCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(phrase, "phrase");
        Objects.requireNonNull(maxRows, "maxRows");
        Objects.requireNonNull(threshold, "threshold");
    }
}
