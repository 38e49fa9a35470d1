package org.yibaoflow.support;

import org.springframework.test.context.ActiveProfilesResolver;

/** Profiles of the integration suite: {@code -Dyibao.it.profiles=test,demo,postgres} for PostgreSQL. */
public class ItProfiles implements ActiveProfilesResolver {

  @Override
  public String[] resolve(Class<?> testClass) {
    return System.getProperty("yibao.it.profiles", "test,demo").split(",");
  }
}
