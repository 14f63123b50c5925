"""A controller's reconciliation loop: desired state against observed state.

Kubernetes controllers do not follow a script of events; each run they
compare what should exist (a Deployment's `replicas`) with what does
exist (the Pods on live nodes) and act on the difference. So a node that
dies, or a scale-down, or an event the controller never saw, is fixed
the same way. The control: an event-driven controller that reacts only
to "pod lost" notifications stays broken when one notification is lost.
"""
# output: exact

from dataclasses import dataclass, field


@dataclass
class Cluster:
    nodes: set[str]
    pods: dict[str, str] = field(default_factory=dict)  # pod -> node
    created: int = 0

    def running(self) -> list[str]:
        return sorted(p for p, node in self.pods.items() if node in self.nodes)

    def fail_node(self, node: str) -> list[str]:
        """The node dies; returns the pods it took with it (the events)."""
        self.nodes.discard(node)
        lost = [p for p, n in self.pods.items() if n == node]
        for pod in lost:
            del self.pods[pod]
        return lost

    def create_pod(self) -> str:
        load = dict.fromkeys(self.nodes, 0)
        for node in self.pods.values():
            load[node] += 1
        node = min(sorted(self.nodes), key=lambda n: load[n])  # spread
        self.created += 1
        self.pods[f"web-{self.created}"] = node
        return f"+web-{self.created}@{node}"


# --8<-- [start:idea]
def reconcile(desired: int, cluster: Cluster) -> list[str]:
    """Level-triggered: look at the state, never at what happened."""
    running = cluster.running()
    actions = []
    for _ in range(desired - len(running)):  # too few: create
        actions.append(cluster.create_pod())
    for pod in running[desired:]:  # too many: delete the extras
        del cluster.pods[pod]
        actions.append(f"-{pod}")
    return actions  # empty when observed == desired: idempotent


def on_events(cluster: Cluster, lost: list[str], scaled_by: int) -> list[str]:
    """Edge-triggered (the control): act on each event it is told of."""
    actions = [cluster.create_pod() for _ in lost]  # replace lost pods
    actions += [cluster.create_pod() for _ in range(scaled_by)]
    for pod in cluster.running()[: max(0, -scaled_by)]:
        del cluster.pods[pod]
        actions.append(f"-{pod}")
    return actions
    # --8<-- [end:idea]


def story(level_triggered: bool) -> None:
    cluster, desired = Cluster({"node-a", "node-b", "node-c"}), 0
    print("level-triggered" if level_triggered else "edge-triggered (control)")
    for tick, (node_dies, new_desired) in enumerate(SCRIPT):
        lost = cluster.fail_node(node_dies) if node_dies else []
        scaled_by, desired = new_desired - desired, new_desired
        if level_triggered:
            actions = reconcile(desired, cluster)
        else:
            seen = [] if tick == 2 else lost  # tick 2's notice is lost
            actions = on_events(cluster, seen, scaled_by)
        running = len(cluster.running())
        print(
            f"  tick {tick}: {node_dies or '-':6} desired {desired}, "
            f"running {running}  {' '.join(actions) or '(no action)'}"
        )


# Each tick: a node that dies (or ""), and the desired replicas.
SCRIPT = [("", 3), ("", 3), ("node-b", 3), ("", 3), ("", 4), ("", 2), ("", 2)]


def main() -> None:
    story(level_triggered=True)
    story(level_triggered=False)


if __name__ == "__main__":
    main()
