package dev.infradoc.analyze;

import dev.infradoc.analyze.rules.AccessKeyRule;
import dev.infradoc.analyze.rules.AdminPortExposedRule;
import dev.infradoc.analyze.rules.AllowedPortNotListeningRule;
import dev.infradoc.analyze.rules.BackupRetentionRule;
import dev.infradoc.analyze.rules.CacheTransitEncryptionRule;
import dev.infradoc.analyze.rules.DatastoreExposedRule;
import dev.infradoc.analyze.rules.DeclaredNotRunningRule;
import dev.infradoc.analyze.rules.DeletionProtectionRule;
import dev.infradoc.analyze.rules.EolOsRule;
import dev.infradoc.analyze.rules.EolSoftwareRule;
import dev.infradoc.analyze.rules.FinalSnapshotRule;
import dev.infradoc.analyze.rules.FixedSizeAutoscalingRule;
import dev.infradoc.analyze.rules.HealthCheckRule;
import dev.infradoc.analyze.rules.IamWildcardRule;
import dev.infradoc.analyze.rules.ListenerNotAllowedRule;
import dev.infradoc.analyze.rules.LiteralSecretRule;
import dev.infradoc.analyze.rules.LocalOnlyDatastoreRule;
import dev.infradoc.analyze.rules.NoBackupObservedRule;
import dev.infradoc.analyze.rules.NoLogShippingRule;
import dev.infradoc.analyze.rules.NoTimeSyncRule;
import dev.infradoc.analyze.rules.OldTlsPolicyRule;
import dev.infradoc.analyze.rules.PlainHttpListenerRule;
import dev.infradoc.analyze.rules.PubliclyAccessibleDatabaseRule;
import dev.infradoc.analyze.rules.RootApplicationRule;
import dev.infradoc.analyze.rules.RpoBoundRule;
import dev.infradoc.analyze.rules.RunningNotDeclaredRule;
import dev.infradoc.analyze.rules.S3EncryptionRule;
import dev.infradoc.analyze.rules.S3PublicAccessRule;
import dev.infradoc.analyze.rules.SecretInCommandLineRule;
import dev.infradoc.analyze.rules.SharedHostDatastoreRule;
import dev.infradoc.analyze.rules.SingleAzDatabaseRule;
import dev.infradoc.analyze.rules.SingleNatGatewayRule;
import dev.infradoc.analyze.rules.SingleNodeCacheRule;
import dev.infradoc.analyze.rules.SinglePointOfFailureRule;
import dev.infradoc.analyze.rules.SingleTargetRule;
import dev.infradoc.analyze.rules.SshdLoginRule;
import dev.infradoc.analyze.rules.SshdRootLoginRule;
import dev.infradoc.analyze.rules.StorageEncryptionRule;
import dev.infradoc.analyze.rules.WafNotAttachedRule;
import dev.infradoc.analyze.rules.WorkersAgainstCoresRule;
import dev.infradoc.analyze.rules.WorldOpenPortRule;
import dev.infradoc.analyze.rules.WorldOpenSshRule;
import dev.infradoc.model.Finding;
import dev.infradoc.model.Model;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs every enabled rule over the model, applies .infradoc.yml (severity changes, acceptances),
 * and returns the model with its findings, sorted by severity then id.
 */
public final class Analyzer {
  public static final List<Rule> RULES = List.of(
      new WorldOpenPortRule(), new WorldOpenSshRule(), new DatastoreExposedRule(), new AdminPortExposedRule(),
      new PubliclyAccessibleDatabaseRule(), new S3PublicAccessRule(), new PlainHttpListenerRule(), new OldTlsPolicyRule(),
      new WafNotAttachedRule(),
      new StorageEncryptionRule(), new CacheTransitEncryptionRule(), new S3EncryptionRule(),
      new IamWildcardRule(), new AccessKeyRule(), new LiteralSecretRule(), new SecretInCommandLineRule(), new RootApplicationRule(),
      new SshdLoginRule(), new SshdRootLoginRule(), new EolOsRule(), new EolSoftwareRule(), new NoTimeSyncRule(), new NoLogShippingRule(),
      new SinglePointOfFailureRule(), new SingleNatGatewayRule(), new SingleAzDatabaseRule(), new SingleNodeCacheRule(),
      new SharedHostDatastoreRule(), new HealthCheckRule(), new FixedSizeAutoscalingRule(), new SingleTargetRule(),
      new BackupRetentionRule(), new DeletionProtectionRule(), new FinalSnapshotRule(), new NoBackupObservedRule(), new RpoBoundRule(),
      new WorkersAgainstCoresRule(), new LocalOnlyDatastoreRule(),
      new AllowedPortNotListeningRule(), new ListenerNotAllowedRule(), new DeclaredNotRunningRule(), new RunningNotDeclaredRule());

  private final AnalysisConfig config;

  public Analyzer() {
    this(AnalysisConfig.NONE);
  }

  public Analyzer(AnalysisConfig config) {
    this.config = config;
  }

  /** Every rule id, for validating configuration. */
  /**
   * Reads what the rules look up (findings.yaml, eol.yaml) now rather than during analysis: a
   * pipeline calls this in the background while it collects.
   */
  public static void preload() {
    RuleData.get();
    EolTable.get();
  }

  public static Set<String> ruleIds() {
    Set<String> ids = new TreeSet<>();
    RULES.forEach(r -> ids.add(r.id()));
    return ids;
  }

  public Model analyze(Model model) {
    ModelIndex index = new ModelIndex(model);
    // Rules only read the model (the index builds its shared parts once, under a lock): they run
    // in parallel, and their findings are taken in rule order, so the result does not depend on timing.
    List<Rule> enabled = RULES.stream().filter(r -> !config.disabled().contains(r.id())).toList();
    List<List<Finding>> found = enabled.parallelStream().map(r -> r.check(index)).toList();
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < enabled.size(); i++) {
      Rule rule = enabled.get(i);
      for (Finding f : found.get(i)) {
        if (config.severities().containsKey(rule.id())) f = f.withSeverity(config.severities().get(rule.id()));
        String reason = config.accepted().getOrDefault(f.id(), config.accepted().get(rule.id()));
        if (reason != null) f = f.withAccepted(reason);
        findings.add(f);
      }
    }
    findings.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::id));
    return model.withFindings(findings);
  }

  public List<Rule> rules() {
    return RULES;
  }
}
