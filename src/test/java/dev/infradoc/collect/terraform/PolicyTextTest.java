package dev.infradoc.collect.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyTextTest {
  @Test
  void readsJsonText() {
    List<PolicyText.Statement> s = PolicyText.statements("""
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::assets/*"},
          {"Effect": "Deny", "NotAction": "iam:*", "NotResource": ["*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}
        ]}""");
    assertThat(s).containsExactly(
        new PolicyText.Statement("Allow", List.of("s3:GetObject", "s3:PutObject"), false, List.of("arn:aws:s3:::assets/*"), false, List.of(), false),
        new PolicyText.Statement("Deny", List.of("iam:*"), true, List.of("*"), true, List.of(), true));
  }

  @Test
  void readsAJsonencodeKeptAsWrittenAndPrintedOnOneLine() {
    // How the Terraform reader keeps a jsonencode(...) that names another resource's ARN.
    List<PolicyText.Statement> s = PolicyText.statements("jsonencode({ Version = \"2012-10-17\" Statement = [ { Effect = \"Allow\" "
        + "Action = [\"sqs:SendMessage\"] Resource = aws_sqs_queue.jobs.arn }, { Effect = \"Allow\" Action = \"logs:PutLogEvents\" "
        + "Resource = \"${aws_cloudwatch_log_group.api.arn}:*\" } ] })");
    assertThat(s).extracting(PolicyText.Statement::actions, PolicyText.Statement::resources).containsExactly(
        org.assertj.core.groups.Tuple.tuple(List.of("sqs:SendMessage"), List.of("aws_sqs_queue.jobs.arn")),
        org.assertj.core.groups.Tuple.tuple(List.of("logs:PutLogEvents"), List.of("${aws_cloudwatch_log_group.api.arn}:*")));
  }

  @Test
  void readsPrincipalsOfATrustPolicyWithASingleStatementObject() {
    List<PolicyText.Statement> s = PolicyText.statements("""
        {"Statement": {"Effect": "Allow", "Action": "sts:AssumeRole",
          "Principal": {"Service": ["ecs-tasks.amazonaws.com", "lambda.amazonaws.com"], "AWS": "arn:aws:iam::123456789012:root"}}}""");
    assertThat(s).singleElement().extracting(PolicyText.Statement::principals).isEqualTo(
        List.of("Service ecs-tasks.amazonaws.com", "Service lambda.amazonaws.com", "AWS arn:aws:iam::123456789012:root"));
  }

  @Test
  void whatIsNotAPolicyGivesNoStatements() {
    assertThat(PolicyText.statements("data.aws_iam_policy_document.task.json")).isEmpty();
    assertThat(PolicyText.statements("var.policy")).isEmpty();
    assertThat(PolicyText.statements("[1, 2]")).isEmpty();
    assertThat(PolicyText.statements("")).isEmpty();
    assertThat(PolicyText.statements(null)).isEmpty();
  }

  @Test
  void everyTruncationOfAPolicyIsReadWithoutThrowing() {
    String policy = "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"s3:*\"], \"Resource\": \"${aws_s3_bucket.a.arn}/*\", "
        + "\"Principal\": {\"AWS\": \"*\"}, \"Condition\": {}}]}";
    for (int i = 0; i <= policy.length(); i++) {
      // A cut policy may still yield what was complete before the cut; it must never throw.
      assertThat(PolicyText.statements(policy.substring(0, i))).hasSizeLessThanOrEqualTo(1);
    }
  }
}
