/// A JSON object with free keys and values of one type: what a spec's `map` becomes. Members keep the
/// order they were read or added in, so a map is written back with its members in the same order, and
/// keys are told apart byte for byte as JSON tells them apart (a Swift `Dictionary` would merge keys
/// that are canonically equivalent, and has no order).
///
/// Equality is order-sensitive, as for ``JSONObject``: two maps are equal when they serialize alike.
public struct JSONMap<Value: JSONRepresentable & Hashable>: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// The keys, in member order.
    public private(set) var keys: [String]
    /// The values, in member order.
    public private(set) var values: [Value]

    /// Creates an empty map.
    public init() {
        keys = []
        values = []
    }

    /// Creates a map with the literal's members, in the literal's order. A key written twice is a
    /// programming error and stops the program, as it does for a `Dictionary` literal.
    public init(dictionaryLiteral elements: (String, Value)...) {
        self.init()
        for (key, value) in elements {
            precondition(index(forKey: key) == nil, "JSONMap literal contains duplicate key \"\(key)\"")
            keys.append(key)
            values.append(value)
        }
    }

    /// The number of members.
    public var count: Int { keys.count }

    /// True when the map has no members.
    public var isEmpty: Bool { keys.isEmpty }

    /// The position of the member named `key` (compared byte for byte), or nil.
    public func index(forKey key: String) -> Int? {
        keys.firstIndex { utf8Equal($0, key) }
    }

    /// The value of the member named `key`. Setting a value replaces it in place, or appends a member
    /// when the key is new; setting nil removes the member.
    public subscript(key: String) -> Value? {
        get { index(forKey: key).map { values[$0] } }
        set {
            switch (index(forKey: key), newValue) {
            case (let index?, let value?): values[index] = value
            case (let index?, nil):
                keys.remove(at: index)
                values.remove(at: index)
            case (nil, let value?):
                keys.append(key)
                values.append(value)
            case (nil, nil): break
            }
        }
    }

    /// The members as `(key, value)` pairs, in order.
    public func makeIterator() -> Zip2Sequence<[String], [Value]>.Iterator {
        zip(keys, values).makeIterator()
    }

    public static func == (lhs: JSONMap, rhs: JSONMap) -> Bool {
        lhs.values == rhs.values && lhs.keys.count == rhs.keys.count && zip(lhs.keys, rhs.keys).allSatisfy { utf8Equal($0, $1) }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for key in keys {
            withUTF8Bytes(of: key) { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
        hasher.combine(values)
    }
}

extension JSONMap: JSONRepresentable {
    public static var jsonPlaceholder: JSONMap { JSONMap() }

    @inlinable @inline(never)
    public init?(json: JSONValue, issues: inout [ValidationIssue]) {
        guard case .object(let object) = json else {
            issues.append(.mismatch("object", json))
            return nil
        }
        var keys: [String] = []
        var values: [Value] = []
        keys.reserveCapacity(object.count)
        values.reserveCapacity(object.count)
        var failed = false
        // The parser refuses an object with a key twice, so the members' keys are distinct.
        for member in object {
            let start = issues.count
            if let value = Value(json: member.value, issues: &issues), issues.count == start {
                keys.append(member.key)
                values.append(value)
            } else {
                failed = true
                issues.prefix(from: start, with: .key(member.key))
            }
        }
        guard !failed else { return nil }
        self.init(uncheckedKeys: keys, values: values)
    }

    /// The map as a JSON object, its members in order.
    @inlinable @inline(never)
    public func json(issues: inout [ValidationIssue]) -> JSONValue {
        var object = JSONObject()
        for index in keys.indices {
            object.append(key: keys[index], value: issues.filing(under: .key(keys[index])) { values[index].json(issues: &$0) })
        }
        return .object(object)
    }
}

extension JSONMap {
    /// A map of `keys` and `values`, which the caller guarantees distinct and of the same count.
    @usableFromInline
    init(uncheckedKeys keys: [String], values: [Value]) {
        self.keys = keys
        self.values = values
    }
}
