package dev.infradoc.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** network.yaml through Knowledge: cloud endpoints by host name, URL schemes, well-known ports. */
class KnowledgeNetworkTest {
  private static final Knowledge KNOWLEDGE = Knowledge.load();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "sqs.us-east-1.amazonaws.com, aws-sqs",
      "sqs.eu-west-1.amazonaws.com, aws-sqs",
      "SQS.EU-WEST-1.AMAZONAWS.COM, aws-sqs",
      "sqs.amazonaws.com, aws-sqs",
      "queue.amazonaws.com, aws-sqs",
      "eu-west-1.queue.amazonaws.com, aws-sqs",
      "vpce-0a1b2c3d4e5f60789-abcdefgh.sqs.us-east-1.vpce.amazonaws.com, aws-sqs",
      "sqs.cn-north-1.amazonaws.com.cn, aws-sqs",
      "s3.amazonaws.com, aws-s3",
      "s3.us-east-1.amazonaws.com, aws-s3",
      "s3-us-west-2.amazonaws.com, aws-s3",
      "learnchain-uploads.s3.amazonaws.com, aws-s3",
      "learnchain-uploads.s3.eu-central-1.amazonaws.com, aws-s3",
      "my.dotted.bucket.s3-eu-west-1.amazonaws.com, aws-s3",
      "s3.dualstack.us-east-1.amazonaws.com, aws-s3",
      "uploads.s3-accelerate.amazonaws.com, aws-s3",
      "uploads.s3-website.eu-central-1.amazonaws.com, aws-s3",
      "myap-123456789012.s3-accesspoint.us-east-1.amazonaws.com, aws-s3",
      "bucket.vpce-1a2b3c4d-5e6f.s3.us-east-1.vpce.amazonaws.com, aws-s3",
      "sns.us-east-1.amazonaws.com, aws-sns",
      "dynamodb.eu-west-1.amazonaws.com, aws-dynamodb",
      "orders-db.c9akciq32abc.us-east-1.rds.amazonaws.com, aws-rds",
      "s3-import-db.c9akciq32abc.us-east-1.rds.amazonaws.com, aws-rds",
      "my-redis.abc123.0001.use1.cache.amazonaws.com, aws-elasticache",
      "secretsmanager.us-east-1.amazonaws.com, aws-secretsmanager",
      "ec2.us-east-1.amazonaws.com, aws-api",
      "sts.amazonaws.com, aws-api",
      "storage.googleapis.com, gcs",
      "my-bucket.storage.googleapis.com, gcs",
      "acct01.blob.core.windows.net, azure-blob",
      "api.stripe.com, stripe",
      "o123456.ingest.sentry.io, sentry",
      "sentry.io, sentry",
      "api.github.com, github-api",
  })
  void endpoint_namesTheService_forItsHostName(String host, String expected) {
    assertThat(KNOWLEDGE.endpoint(host).map(EndpointHint::id)).as(host).contains(expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
      "sqs.example.com",
      "s3.amazonaws.com.attacker.example",
      "notamazonaws.com",
      "api.stripe.com.evil.example",
      "storage.googleapis.com.evil.example",
      "github.com",
      "10.0.3.17",
      "",
  })
  void endpoint_isEmpty_forHostsThatOnlyLookLikeAService(String host) {
    assertThat(KNOWLEDGE.endpoint(host)).isEmpty();
  }

  @Test
  void endpoint_carriesKindAndTechnology() {
    EndpointHint sqs = KNOWLEDGE.endpoint("sqs.us-east-1.amazonaws.com").orElseThrow();
    assertThat(sqs.kind()).isEqualTo("queue");
    assertThat(sqs.technology()).isEqualTo("Amazon SQS");
    EndpointHint s3 = KNOWLEDGE.endpoint("uploads.s3.amazonaws.com").orElseThrow();
    assertThat(s3.kind()).isEqualTo("object-storage");
    assertThat(s3.name()).isEqualTo("AWS S3");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "postgres, PostgreSQL",
      "postgresql, PostgreSQL",
      "POSTGRESQL, PostgreSQL",
      "mysql, MySQL",
      "redis, Redis",
      "rediss, Redis",
      "amqp, RabbitMQ",
      "amqps, RabbitMQ",
      "mongodb+srv, MongoDB",
      "kafka, Kafka",
      "https, HTTPS",
  })
  void scheme_namesTheTechnology_caseInsensitively(String scheme, String technology) {
    assertThat(KNOWLEDGE.scheme(scheme)).contains(technology);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"gopher", "file", "jdbc", ""})
  void scheme_isEmpty_forSchemesThatNameNoService(String scheme) {
    assertThat(KNOWLEDGE.scheme(scheme)).isEmpty();
  }

  @Test
  void port_namesWellKnownServices_andNothingElse() {
    assertThat(KNOWLEDGE.port(5432).map(PortHint::technology)).contains("PostgreSQL");
    assertThat(KNOWLEDGE.port(6379).map(PortHint::kind)).contains("cache");
    assertThat(KNOWLEDGE.port(9092).map(PortHint::protocol)).contains("kafka");
    assertThat(KNOWLEDGE.port(31337)).isEmpty();
  }
}
