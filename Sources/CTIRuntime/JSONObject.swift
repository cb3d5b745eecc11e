/// A JSON object: members in the order they were parsed or added.
///
/// Keys are compared byte for byte (their UTF-8), not by Unicode canonical equivalence,
/// so `"é"` written precomposed and decomposed are two different keys, as in JSON itself.
/// Lookup is a linear scan, which beats hashing for the small objects of a protocol
/// envelope.
///
/// Equality is order-sensitive: `{"a":1,"b":2}` and `{"b":2,"a":1}` are not equal,
/// because their serializations differ.
public struct JSONObject: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// One `"key": value` pair of an object.
    public struct Member: Sendable, Hashable {
        /// The member's name.
        public var key: String
        /// The member's value.
        public var value: JSONValue

        /// Creates the member `key: value`.
        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The members, in order. Keys should be distinct; when they are not, lookups find
    /// the first one.
    public var members: [Member]

    /// Creates an empty object.
    public init() {
        self.members = []
    }

    /// Creates an object with `members`, in that order, without checking for duplicate keys.
    public init(_ members: [Member]) {
        self.members = members
    }

    /// Creates an object with the literal's members, in the literal's order.
    /// A key written twice is a programming error and stops the program, as it does for
    /// a `Dictionary` literal.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.members = []
        members.reserveCapacity(elements.count)
        for (key, value) in elements {
            precondition(index(forKey: key) == nil, "JSONObject literal contains duplicate key \"\(key)\"")
            members.append(Member(key: key, value: value))
        }
    }

    /// The number of members.
    public var count: Int { members.count }

    /// True when the object has no members.
    public var isEmpty: Bool { members.isEmpty }

    /// The keys, in member order.
    public var keys: [String] { members.map(\.key) }

    /// The position in `members` of the first member named `key`, or nil.
    public func index(forKey key: String) -> Int? {
        members.firstIndex { utf8Equal($0.key, key) }
    }

    /// The value of the member named `key`, or nil when there is none.
    ///
    /// Setting a value replaces the member's value in place, or appends a new member when
    /// the key is absent. Setting nil removes the member (to store JSON `null`, set `.null`).
    public subscript(key: String) -> JSONValue? {
        get {
            guard let index = index(forKey: key) else { return nil }
            return members[index].value
        }
        set {
            if let index = index(forKey: key) {
                if let newValue {
                    members[index].value = newValue
                } else {
                    members.remove(at: index)
                }
            } else if let newValue {
                members.append(Member(key: key, value: newValue))
            }
        }
    }

    /// Appends `key: value` without looking for an existing member named `key`: the fast
    /// path for code that already knows its keys are distinct.
    ///
    /// The first append makes room for `initialCapacity` members, so building a typical message
    /// object member by member takes one allocation instead of one per doubling.
    public mutating func append(key: consuming String, value: consuming JSONValue) {
        if members.capacity == 0 { members.reserveCapacity(Self.initialCapacity) }
        members.append(Member(key: key, value: value))
    }

    /// Room made by the first `append(key:value:)`: most protocol objects have at most this many members.
    static let initialCapacity = 8

    /// Iterates over the members in order.
    public func makeIterator() -> IndexingIterator<[Member]> {
        members.makeIterator()
    }

    /// The number of members.
    public var underestimatedCount: Int { members.count }
}

extension JSONObject: CustomStringConvertible {
    /// The object as compact JSON text.
    public var description: String {
        String(decoding: serialized(), as: UTF8.self)
    }
}

extension JSONObject: Codable {
    /// Decodes an object from a keyed container. Member order is the order in which the
    /// decoder lists its keys, which generic decoders do not guarantee.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: JSONCodingKey.self)
        var members: [Member] = []
        members.reserveCapacity(container.allKeys.count)
        for key in container.allKeys {
            members.append(Member(key: key.stringValue, value: try container.decode(JSONValue.self, forKey: key)))
        }
        self.init(members)
    }

    /// Encodes the members, in stored order, into a keyed container.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: JSONCodingKey.self)
        for member in members {
            try container.encode(member.value, forKey: JSONCodingKey(member.key))
        }
    }
}

/// A coding key for arbitrary object member names.
struct JSONCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(_ string: String) {
        self.stringValue = string
        self.intValue = nil
    }

    init?(stringValue: String) {
        self.init(stringValue)
    }

    init?(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}

/// True when `a` and `b` hold the same UTF-8 bytes. (`String ==` compares by canonical
/// equivalence, which would merge keys that JSON treats as distinct.)
@inlinable @inline(__always)
func utf8Equal(_ a: String, _ b: String) -> Bool {
    let count = a.utf8.count
    guard count == b.utf8.count else { return false }
    return withUTF8Bytes(of: a) { aBytes in
        withUTF8Bytes(of: b) { bBytes in
            let x = UnsafeRawBufferPointer(aBytes)
            let y = UnsafeRawBufferPointer(bBytes)
            // Eight bytes at a time: keys are short, and this is on every member a message reads.
            var offset = 0
            while offset + 8 <= count {
                guard x.loadUnaligned(fromByteOffset: offset, as: UInt64.self) == y.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                else { return false }
                offset += 8
            }
            while offset < count {
                guard x[offset] == y[offset] else { return false }
                offset += 1
            }
            return true
        }
    }
}

/// A string that hashes and compares by its UTF-8 bytes, for duplicate-key detection in
/// large objects.
struct UTF8Key: Hashable {
    let string: String

    static func == (lhs: UTF8Key, rhs: UTF8Key) -> Bool {
        utf8Equal(lhs.string, rhs.string)
    }

    func hash(into hasher: inout Hasher) {
        withUTF8Bytes(of: string) { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
