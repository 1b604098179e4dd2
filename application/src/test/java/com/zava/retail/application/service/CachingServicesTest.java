package com.zava.retail.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.zava.retail.application.port.in.SearchProductsCommand;
import com.zava.retail.application.port.out.EmbeddingModel;
import com.zava.retail.application.port.out.TextEmbedder;
import com.zava.retail.domain.ManagerId;
import com.zava.retail.domain.QueryResult;
import com.zava.retail.domain.RowLimit;
import com.zava.retail.domain.SearchPhrase;
import com.zava.retail.domain.SimilarityThreshold;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The services use their caches: a repeat skips the expensive part, and nothing crosses managers. */
class CachingServicesTest {

    private static final ManagerId SEATTLE = ManagerId.parse("f47ac10b-58cc-4372-a567-0e02b2c3d479");
    private static final ManagerId TACOMA = ManagerId.parse("a1b2c3d4-e5f6-7890-abcd-ef1234567890");

    @Test
    void aRepeatedSearchPhraseSkipsTheModelButStillSearchesAsTheCaller() {
        List<String> embedded = new ArrayList<>();
        List<ManagerId> searchedAs = new ArrayList<>();
        FakeTextEmbedder fake = new FakeTextEmbedder();
        TextEmbedder counting = new TextEmbedder() {
            @Override
            public EmbeddingModel model() {
                return fake.model();
            }

            @Override
            public float[] embed(String text) {
                embedded.add(text);
                return fake.embed(text);
            }
        };
        ProductSearchService service = new ProductSearchService(counting, (caller, vector, model, rows, threshold) -> {
            searchedAs.add(caller);
            return QueryResult.complete(List.of("sku"), List.of());
        }, new InMemoryEmbeddingCache());
        service.search(command(SEATTLE, "cordless  drill"));
        service.search(command(TACOMA, " cordless drill "));
        assertThat(embedded).containsExactly("cordless drill");
        assertThat(searchedAs).containsExactly(SEATTLE, TACOMA);
    }

    @Test
    void aRepeatedStatementIsAnsweredFromTheCacheOnlyForTheSameManager() {
        List<ManagerId> ran = new ArrayList<>();
        SalesQueryService service = new SalesQueryService((caller, sql) -> {
            ran.add(caller);
            return QueryResult.complete(List.of("who"), List.of(List.of(caller.value().toString())));
        }, new InMemoryQueryResultCache());
        QueryResult first = service.run(SEATTLE, "SELECT 1");
        QueryResult again = service.run(SEATTLE, "  SELECT 1\n");
        QueryResult tacoma = service.run(TACOMA, "SELECT 1");
        assertThat(ran).containsExactly(SEATTLE, TACOMA);
        assertThat(again).isEqualTo(first);
        assertThat(tacoma.rows()).containsExactly(List.of(TACOMA.value().toString()));
    }

    private static SearchProductsCommand command(ManagerId caller, String phrase) {
        return new SearchProductsCommand(caller, new SearchPhrase(phrase), RowLimit.DEFAULT,
                new SimilarityThreshold(30.0));
    }
}
