/// The bridge side's hold on early events: events for a destination that is not initialized yet
/// wait, in arrival order, and are released once it is.
public struct EventQueue<Event: Sendable>: Sendable {
    private struct Key: Hashable, Sendable {
        var destination: String
        var target: String
    }

    private var initialized: Set<Key> = []
    private var waiting: [Key: [Event]] = [:]

    /// Creates an empty queue.
    public init() {}

    /// Takes an event: returns it at once when its destination is initialized, otherwise holds it
    /// and returns nothing.
    public mutating func receive(_ event: Event, destination: String, target: String) -> [Event] {
        let key = Key(destination: destination, target: target)
        if initialized.contains(key) { return [event] }
        waiting[key, default: []].append(event)
        return []
    }

    /// Marks a destination initialized and returns the events held for it, in arrival order.
    public mutating func markInitialized(destination: String, target: String) -> [Event] {
        let key = Key(destination: destination, target: target)
        initialized.insert(key)
        return waiting.removeValue(forKey: key) ?? []
    }

    /// How many events are held.
    public var heldCount: Int { waiting.values.reduce(0) { $0 + $1.count } }
}
