/// Reads the members of one JSON object for a generated type's ``CTIObject/init(reading:)``: each
/// member by its key, one argument of the type's initializer per member.
///
/// The reader does what is the same for every object: it finds a member by its key (byte for byte,
/// starting where the last one was found, since members usually arrive in spec order), files every
/// problem under the member's key (`chat: expected boolean, found string`), reports a required
/// member that is missing, and remembers which members were read, so that the others can be kept
/// as unknown members. A member that cannot be read gives a placeholder
/// (``JSONRepresentable/jsonPlaceholder``) so that reading goes on and every problem is reported;
/// a value read with issues is thrown away by ``CTIObject/init(_:messageName:issues:)``.
public struct JSONObjectReader {
    @usableFromInline let members: [JSONObject.Member]
    /// Where the next lookup starts.
    @usableFromInline var cursor = 0
    /// The members read so far, as bits by position (the first 64) ...
    @usableFromInline var readMask: UInt64 = 0
    /// ... and as flags for an object with more members (allocated only then).
    @usableFromInline var readBeyondMask: [Bool]?
    /// How many members were read.
    @usableFromInline var readCount = 0

    /// Every problem found so far, with paths relative to the object.
    public var issues: [ValidationIssue] = []

    /// The name `header.name` must have, when the reader reads the header of a message whose name
    /// is fixed; nil elsewhere.
    public let messageName: String?

    /// Creates a reader of `object`'s members.
    public init(_ object: JSONObject, messageName: String? = nil) {
        self.members = object.members
        self.messageName = messageName
    }

    /// The value of the required member `key`; a placeholder, with an issue, when it is missing or
    /// is not a `T`.
    @inlinable @inline(never)
    public mutating func read<T: JSONRepresentable>(_ key: String) -> T {
        guard let index = take(key) else {
            issues.append(ValidationIssue(path: [.key(key)], message: "required member is missing"))
            return T.jsonPlaceholder
        }
        return decode(members[index].value, at: key) ?? T.jsonPlaceholder
    }

    /// The value of the optional member `key`; nil when it is missing or `null`, and nil with an
    /// issue when it is not a `T`.
    @inlinable @inline(never)
    public mutating func readIfPresent<T: JSONRepresentable>(_ key: String) -> T? {
        guard let index = take(key) else { return nil }
        let value = members[index].value
        if case .null = value { return nil }
        return decode(value, at: key)
    }

    /// The required member `key`, which must be the string `constant` byte for byte (a constant
    /// field, `header.type`).
    @discardableResult
    public mutating func read(_ key: String, equals constant: String) -> String {
        let start = issues.count
        let text: String = read(key)
        if issues.count == start, !utf8Equal(text, constant) {
            issues.append(.constantMismatch(at: key, expected: constant, found: text))
        }
        return constant
    }

    /// The member `key` that holds the message's name: required and equal to ``messageName`` when the
    /// reader has one; otherwise (a header read on its own, outside its message, whose JSON leaves the
    /// name to the message) a string if present.
    public mutating func readMessageName(_ key: String) {
        if let messageName {
            read(key, equals: messageName)
        } else {
            let _: String? = readIfPresent(key)
        }
    }

    /// The members no read asked for, in wire order: the object's unknown members.
    public var unreadMembers: JSONObject {
        guard readCount < members.count else { return JSONObject() }
        var unread: [JSONObject.Member] = []
        unread.reserveCapacity(members.count - readCount)
        for (index, member) in members.enumerated() where !wasRead(index) {
            unread.append(member)
        }
        return JSONObject(unread)
    }

    /// The position of the member named `key`, marked as read; nil when there is none.
    @usableFromInline
    mutating func take(_ key: String) -> Int? {
        let count = members.count
        var index = cursor < count && utf8Equal(members[cursor].key, key) ? cursor : -1
        if index < 0 {
            guard let found = members.firstIndex(where: { utf8Equal($0.key, key) }) else { return nil }
            index = found
        }
        cursor = index + 1
        markRead(index)
        return index
    }

    @usableFromInline
    mutating func markRead(_ index: Int) {
        if index < 64 {
            let bit: UInt64 = 1 << UInt64(index)
            if readMask & bit == 0 { readCount += 1 }
            readMask |= bit
            return
        }
        var beyond = readBeyondMask ?? Array(repeating: false, count: members.count - 64)
        if !beyond[index - 64] { readCount += 1 }
        beyond[index - 64] = true
        readBeyondMask = beyond
    }

    private func wasRead(_ index: Int) -> Bool {
        index < 64 ? readMask & (1 << UInt64(index)) != 0 : readBeyondMask?[index - 64] ?? false
    }

    /// Reads `value` as a `T`, filing any issue under `key`.
    @inlinable
    mutating func decode<T: JSONRepresentable>(_ value: JSONValue, at key: String) -> T? {
        issues.filing(under: .key(key)) { T(json: value, issues: &$0) }
    }
}
