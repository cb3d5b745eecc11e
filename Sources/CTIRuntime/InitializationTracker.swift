import Synchronization

/// Which destinations (by destination name and target) have had their init query answered.
///
/// The protocol forbids any event for a destination before that; the client's router marks a
/// destination when it answers the init query with SUCCESS, and the event sender checks it.
/// Safe to share between tasks.
public final class InitializationTracker: Sendable {
    private let initialized = Mutex<Set<Key>>([])

    private struct Key: Hashable {
        var destination: String
        var target: String
    }

    /// Creates a tracker with nothing initialized.
    public init() {}

    /// Records that the destination addressed by `target` is initialized.
    public func markInitialized(destination: String, target: String) {
        _ = initialized.withLock { $0.insert(Key(destination: destination, target: target)) }
    }

    /// Records that `destination` is initialized.
    public func markInitialized(_ destination: InitializedDestination) {
        markInitialized(destination: destination.destination, target: destination.target)
    }

    /// Forgets every destination: on a new connection the bridge initializes them again.
    public func resetAll() {
        initialized.withLock { $0.removeAll() }
    }

    /// Forgets a destination (after it is torn down).
    public func reset(destination: String, target: String) {
        _ = initialized.withLock { $0.remove(Key(destination: destination, target: target)) }
    }

    /// Whether the destination addressed by `target` is initialized.
    public func isInitialized(destination: String, target: String) -> Bool {
        initialized.withLock { $0.contains(Key(destination: destination, target: target)) }
    }
}

/// A destination, by name and target, that answering its init query initializes.
public struct InitializedDestination: Sendable, Hashable {
    /// The destination's name (`session`).
    public var destination: String
    /// The target the init query was addressed to.
    public var target: String

    /// Creates a value.
    public init(destination: String, target: String) {
        self.destination = destination
        self.target = target
    }
}
