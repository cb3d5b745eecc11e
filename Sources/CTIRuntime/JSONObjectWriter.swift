/// Writes the members of one JSON object for a generated type's ``CTIObject/write(to:)``: one line
/// per member, in spec order.
///
/// The writer collects the issues of the values it writes, each filed under its member's key (a
/// GUID created unchecked that is not one, a constant changed), so that what a handler built can
/// be checked on the way out at no extra cost.
public struct JSONObjectWriter {
    /// The members written so far.
    public var object: JSONObject { members }
    @usableFromInline var members: JSONObject
    /// The issues of the values written so far, with paths relative to the object.
    public var issues: [ValidationIssue] = []
    /// The name written for `header.name` when the writer writes the header of a message whose
    /// name is fixed; nil elsewhere.
    public let messageName: String?

    /// Creates a writer of an empty object.
    @inlinable
    public init(messageName: String? = nil) {
        self.members = JSONObject()
        self.messageName = messageName
    }

    /// Writes the member `key`. The key is taken, not borrowed, so the literal a generated line passes
    /// is stored without a reference-count operation (one per member written: about a tenth of the
    /// time of writing a frame of many small objects).
    @inlinable @inline(never)
    public mutating func write<T: JSONRepresentable>(_ key: consuming String, _ value: T) {
        append(key, issues.filing(under: .key(key)) { value.json(issues: &$0) })
    }

    /// Writes the member `key` when `value` is not nil.
    @inlinable @inline(never)
    public mutating func writeIfPresent<T: JSONRepresentable>(_ key: String, _ value: T?) {
        guard let value else { return }
        write(key, value)
    }

    /// Writes the member `key` of a constant field, with an issue when `value` is not `constant`.
    public mutating func write(_ key: String, _ value: String, equals constant: String) {
        if !utf8Equal(value, constant) {
            issues.append(.constantMismatch(at: key, expected: constant, found: value))
        }
        append(key, .string(value))
    }

    /// Writes the member `key` that holds the message's name (``messageName``); nothing when the
    /// writer has none (a header written on its own, outside its message).
    public mutating func writeMessageName(_ key: String) {
        if let messageName { append(key, .string(messageName)) }
    }

    /// Appends members the spec does not define, as they are.
    @inlinable
    public mutating func append(contentsOf unknown: JSONObject) {
        guard !unknown.isEmpty else { return }
        members.members.append(contentsOf: unknown.members)
    }

    @inlinable
    mutating func append(_ key: consuming String, _ value: consuming JSONValue) {
        members.append(key: key, value: value)
    }
}
