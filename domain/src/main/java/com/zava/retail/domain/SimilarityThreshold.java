package com.zava.retail.domain;

/**
 * Minimum similarity, in percent, a product must reach to be returned by a semantic search:
 * 0 accepts everything, 100 only an identical meaning.
 */
public record SimilarityThreshold(double percent) {

    /** The original sample's default. */
    public static final SimilarityThreshold DEFAULT = new SimilarityThreshold(30.0);

    public SimilarityThreshold {
        if (Double.isNaN(percent) || percent < 0 || percent > 100) {
            throw new InvalidInputException("similarity_threshold must be between 0 and 100 (percent), was " + percent
                    + ".");
        }
    }

    /** The largest cosine distance that still meets the threshold (distance = 1 - similarity). */
    public double maxCosineDistance() {
        return 1.0 - percent / 100.0;
    }
}
