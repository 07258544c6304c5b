package dev.infradoc.collect.repo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostReferenceTest {

  @Test
  void find_readsHostPortAndScheme_fromAConnectionStringWithCredentials() {
    assertThat(HostReference.find("DATABASE_URL", "postgres://app:pw@DB:5432/shop?sslmode=require"))
        .containsExactly(new HostReference("db", 5432, "postgres"));
  }

  @Test
  void find_readsEveryUrl_inAListValue() {
    assertThat(HostReference.find("X", "http://api:8080/v1,amqp://guest:guest@rabbit/"))
        .containsExactly(new HostReference("api", 8080, "http"), new HostReference("rabbit", 0, "amqp"));
  }

  @Test
  void find_readsBareAddresses_onlyWhenTheNameSaysItHoldsOne() {
    assertThat(HostReference.find("KAFKA_BROKERS", "kafka-1:9092,kafka-2:9092"))
        .containsExactly(new HostReference("kafka-1", 9092, ""), new HostReference("kafka-2", 9092, ""));
    assertThat(HostReference.find("LOG_LEVEL", "debug")).isEmpty();
  }

  @Test
  void find_namesNoHost_whenTheHostIsAnUnresolvedVariable() {
    assertThat(HostReference.find("DB_HOST", "${DB_HOST:-db}")).isEmpty();
    assertThat(HostReference.find("URL", "redis://${REDIS_HOST}:6379")).isEmpty();
  }
}
