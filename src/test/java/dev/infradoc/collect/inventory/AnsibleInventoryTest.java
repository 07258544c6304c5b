package dev.infradoc.collect.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.infradoc.collect.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnsibleInventoryTest {
  @TempDir Path dir;

  private Map<String, InventoryHost> read(String file, String text) throws IOException, InventoryException {
    Path p = dir.resolve(file);
    Files.writeString(p, text);
    return AnsibleInventory.read(p).stream().collect(Collectors.toMap(InventoryHost::name, Function.identity()));
  }

  @Test
  void ini_givesGroupsAndConnectionVariables_withHostVarsOverGroupVars() throws Exception {
    Map<String, InventoryHost> hosts = read("hosts.ini", """
        # a comment
        lonely.example.com

        [web]
        web01 ansible_host=10.0.0.11 ansible_user=deploy
        web02 ansible_host=10.0.0.12 ansible_port=2222 ansible_user="ops"

        [db]
        db01 ansible_host=10.0.0.21 ansible_ssh_private_key_file=keys/db.key

        [production:children]
        web
        db

        [production:vars]
        ansible_user=root
        ansible_port=22
        """);
    assertThat(hosts).containsOnlyKeys("lonely.example.com", "web01", "web02", "db01");
    InventoryHost web02 = hosts.get("web02");
    assertThat(web02.groups()).containsExactly("production", "web");
    assertThat(web02.target().kind()).isEqualTo(Target.Kind.SSH);
    assertThat(web02.target().host()).isEqualTo("10.0.0.12");
    assertThat(web02.target().port()).isEqualTo(2222);
    assertThat(web02.target().user()).isEqualTo("ops");
    assertThat(hosts.get("web01").target().user()).isEqualTo("deploy");
    assertThat(hosts.get("db01").target().user()).isEqualTo("root");
    assertThat(hosts.get("db01").target().port()).isEqualTo(22);
    assertThat(hosts.get("db01").identity()).contains(dir.resolve("keys/db.key"));
    assertThat(hosts.get("db01").groups()).containsExactly("db", "production");
    assertThat(hosts.get("lonely.example.com").groups()).isEmpty();
    assertThat(hosts.get("lonely.example.com").target().host()).isEqualTo("lonely.example.com");
    assertThat(hosts.get("web01").at()).isEqualTo("hosts.ini:5");
  }

  @Test
  void ini_expandsNumericAndLetterRanges_keepingZeroPadding() throws Exception {
    Map<String, InventoryHost> hosts = read("hosts", """
        [web]
        web[08:11].example.com
        db-[a:b]
        """);
    assertThat(hosts).containsOnlyKeys("web08.example.com", "web09.example.com", "web10.example.com",
        "web11.example.com", "db-a", "db-b");
  }

  @Test
  void yaml_givesNestedGroupsAndVariables() throws Exception {
    Map<String, InventoryHost> hosts = read("inventory.yml", """
        all:
          vars:
            ansible_user: admin
          children:
            production:
              vars:
                ansible_port: 2200
              children:
                web:
                  hosts:
                    web01:
                      ansible_host: 10.0.0.11
                    web02:
                      ansible_host: 10.0.0.12
                      ansible_port: 22
                db:
                  hosts:
                    db01:
                      ansible_host: 10.0.0.21
                      ansible_user: postgres
        """);
    assertThat(hosts).containsOnlyKeys("web01", "web02", "db01");
    assertThat(hosts.get("web01").groups()).containsExactly("production", "web");
    assertThat(hosts.get("web01").target().port()).isEqualTo(2200);
    assertThat(hosts.get("web01").target().user()).isEqualTo("admin");
    assertThat(hosts.get("web02").target().port()).isEqualTo(22);
    assertThat(hosts.get("db01").target().user()).isEqualTo("postgres");
    assertThat(hosts.get("db01").groups()).containsExactly("db", "production");
  }

  @Test
  void yaml_isRecognisedByContent_whenTheFileHasNoExtension() throws Exception {
    Map<String, InventoryHost> hosts = read("hosts", """
        ---
        web:
          hosts:
            web01:
        """);
    assertThat(hosts.get("web01").groups()).containsExactly("web");
  }

  @Test
  void templatedAddress_makesOnlyThatHostUnusable_withTheReason() throws Exception {
    Map<String, InventoryHost> hosts = read("hosts.ini", """
        [web]
        web01 ansible_host="{{ lookup('env', 'WEB01') }}"
        web02 ansible_host=10.0.0.12
        """);
    assertThat(hosts.get("web01").usable()).isFalse();
    assertThat(hosts.get("web01").unusable()).contains("template");
    assertThat(hosts.get("web02").usable()).isTrue();
  }

  @Test
  void ansibleConnectionLocal_scansThisMachine() throws Exception {
    Map<String, InventoryHost> hosts = read("hosts.ini", "[ctl]\ncontrol ansible_connection=local\n");
    assertThat(hosts.get("control").target().kind()).isEqualTo(Target.Kind.LOCAL);
  }

  @Test
  void malformedLines_areRejectedWithFileAndLine() throws IOException {
    Path p = dir.resolve("bad.ini");
    Files.writeString(p, "[web]\nweb01 ansible_host\n");
    assertThatThrownBy(() -> AnsibleInventory.read(p)).isInstanceOf(InventoryException.class)
        .hasMessageContaining("bad.ini:2");
    Files.writeString(p, "[web]\nweb[1:99999]\n");
    assertThatThrownBy(() -> AnsibleInventory.read(p)).hasMessageContaining("larger than");
  }

  @Test
  void targetsFile_readsTargetsAndOptionalGroups() throws Exception {
    Path p = dir.resolve("targets.txt");
    Files.writeString(p, "# fleet\nssh://root@10.0.0.5:2222 web production\n\ndb01  # alias\n");
    List<InventoryHost> hosts = TargetsFile.read(p);
    assertThat(hosts).hasSize(2);
    assertThat(hosts.get(0).target().port()).isEqualTo(2222);
    assertThat(hosts.get(0).groups()).containsExactly("production", "web");
    assertThat(hosts.get(1).target().host()).isEqualTo("db01");
    assertThat(hosts.get(1).groups()).isEmpty();
  }

  @Test
  void sshConfigHosts_listsConcreteAliasesOnly() throws Exception {
    Path p = dir.resolve("config");
    Files.writeString(p, """
        Host *
          ServerAliveInterval 30
        Host web01 web02
          HostName 10.0.0.11
        Host bastion-?
        Host !db99 db01
        HostName ignored
        """);
    assertThat(SshConfigHosts.read(p)).extracting(InventoryHost::name).containsExactly("db01", "web01", "web02");
  }
}
