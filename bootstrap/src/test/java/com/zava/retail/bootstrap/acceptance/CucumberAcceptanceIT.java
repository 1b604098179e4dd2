package com.zava.retail.bootstrap.acceptance;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The acceptance scenarios under {@code src/test/resources/features}, in the managers' language,
 * run by Failsafe in {@code ./mvnw verify}. The application starts once for the whole suite (see
 * {@link AcceptanceApplication}); the stdio servers start once per manager (see {@link StdioServers}).
 *
 * <p>Defaults that a command line may override ({@code -Dcucumber.filter.tags=...},
 * {@code -Dcucumber.features=...}) are in {@code junit-platform.properties}: scenarios tagged
 * {@code @wip} are left out, and the HTML and JSON reports go to {@code target/cucumber/}.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "com.zava.retail.bootstrap.acceptance")
public class CucumberAcceptanceIT {
}
