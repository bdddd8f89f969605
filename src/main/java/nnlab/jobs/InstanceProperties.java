package nnlab.jobs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * This server among several ({@code nnlab.instance.*}, README "Several instances").
 *
 * @param role web: serves pages and the API, never trains; worker: trains (its web server still answers, for
 *             health checks: leave it out of the load balancer to keep it to training); all: both (the default)
 * @param id   the name this instance claims jobs under; empty: the host name and a random suffix, new at each start
 *             (set it to keep the name across restarts, so a restart puts its own jobs back at once instead of
 *             after their leases run out)
 */
@ConfigurationProperties("nnlab.instance")
public record InstanceProperties(@DefaultValue("all") Role role, @DefaultValue("") String id) {

    public enum Role {
        WEB, WORKER, ALL;

        public boolean trains() {
            return this != WEB;
        }
    }
}
