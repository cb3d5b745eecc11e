/// A value that reads itself from a JSON value, reporting every problem with its path, and
/// writes itself back. Generated message bodies, nested objects and enums conform, as do the
/// scalar types, arrays and string-keyed maps of conforming types.
public protocol JSONRepresentable: Sendable {
    /// Reads a value. On a problem, appends issues (with paths relative to this value) and returns
    /// nil; a container keeps reading its other members so every problem is reported.
    init?(json: JSONValue, issues: inout [ValidationIssue])

    /// The value as JSON.
    var json: JSONValue { get }
}

extension JSONRepresentable {
    /// Reads a value, throwing every problem at once.
    public init(validating json: JSONValue) throws(ValidationError) {
        var issues: [ValidationIssue] = []
        guard let value = Self(json: json, issues: &issues), issues.isEmpty else {
            throw ValidationError(issues: issues)
        }
        self = value
    }
}

/// Reading the members of a JSON object: the helpers generated code calls for each field.
public enum JSONField {
    /// Reads a member's value as `T`, prefixing any issue with the member's key.
    @inlinable @inline(never)
    public static func read<T: JSONRepresentable>(
        _ value: JSONValue, at key: String, issues: inout [ValidationIssue]
    ) -> T? {
        var nested: [ValidationIssue] = []
        let result = T(json: value, issues: &nested)
        if !nested.isEmpty { issues += nested.map { $0.prefixed(by: .key(key)) } }
        return result
    }

    /// Reads an optional member: JSON `null` reads as absent.
    @inlinable @inline(never)
    public static func readOptional<T: JSONRepresentable>(
        _ value: JSONValue, at key: String, issues: inout [ValidationIssue]
    ) -> T? {
        if case .null = value { return nil }
        return read(value, at: key, issues: &issues)
    }

    /// Records that a required member is absent.
    @inlinable @inline(never)
    public static func require<T>(_ value: T?, _ key: String, issues: inout [ValidationIssue]) {
        if value == nil, !issues.contains(where: { $0.path.first == .key(key) }) {
            issues.append(ValidationIssue(path: [.key(key)], message: "required member is missing"))
        }
    }

    /// The object inside `json`, or nil with an issue when it is not an object.
    @inlinable @inline(never)
    public static func object(_ json: JSONValue, issues: inout [ValidationIssue]) -> JSONObject? {
        guard case .object(let object) = json else {
            issues.append(mismatch("object", json))
            return nil
        }
        return object
    }

    /// `expected X, found Y`.
    @inlinable @inline(never)
    public static func mismatch(_ expected: String, _ found: JSONValue) -> ValidationIssue {
        ValidationIssue(path: [], message: "expected \(expected), found \(found.kindDescription)")
    }
}

extension String: JSONRepresentable {
    @inlinable
    public init?(json: JSONValue, issues: inout [ValidationIssue]) {
        guard case .string(let value) = json else {
            issues.append(JSONField.mismatch("string", json))
            return nil
        }
        self = value
    }

    @inlinable
    public var json: JSONValue { .string(self) }
}

extension Bool: JSONRepresentable {
    @inlinable
    public init?(json: JSONValue, issues: inout [ValidationIssue]) {
        guard case .bool(let value) = json else {
            issues.append(JSONField.mismatch("boolean", json))
            return nil
        }
        self = value
    }

    @inlinable
    public var json: JSONValue { .bool(self) }
}

extension Int: JSONRepresentable {
    @inlinable
    public init?(json: JSONValue, issues: inout [ValidationIssue]) {
        guard case .number(let number) = json, let value = number.intValue else {
            issues.append(JSONField.mismatch("integer", json))
            return nil
        }
        self = value
    }

    @inlinable
    public var json: JSONValue { .number(JSONNumber(self)) }
}

extension Double: JSONRepresentable {
    @inlinable
    public init?(json: JSONValue, issues: inout [ValidationIssue]) {
        guard case .number(let number) = json, let value = number.doubleValue else {
            issues.append(JSONField.mismatch("number", json))
            return nil
        }
        self = value
    }

    /// The number as JSON; a non-finite value, which JSON cannot hold, is written as `null`.
    @inlinable
    public var json: JSONValue { JSONNumber(self).map(JSONValue.number) ?? .null }
}

extension JSONValue: JSONRepresentable {
    @inlinable
    public init?(json: JSONValue, issues: inout [ValidationIssue]) {
        self = json
    }

    @inlinable
    public var json: JSONValue { self }
}

extension RequestID: JSONRepresentable {
    @inlinable
    public init?(json: JSONValue, issues: inout [ValidationIssue]) {
        guard case .string(let text) = json else {
            issues.append(JSONField.mismatch("GUID string", json))
            return nil
        }
        guard let value = RequestID(rawValue: text) else {
            issues.append(ValidationIssue(path: [], message: "\(ValidationIssue.quoted(text)) is not a GUID (8-4-4-4-12 hex digits, optionally in braces)"))
            return nil
        }
        self = value
    }

    @inlinable
    public var json: JSONValue { .string(rawValue) }
}

extension Array: JSONRepresentable where Element: JSONRepresentable {
    @inlinable @inline(never)
    public init?(json: JSONValue, issues: inout [ValidationIssue]) {
        guard case .array(let items) = json else {
            issues.append(JSONField.mismatch("array", json))
            return nil
        }
        var result: [Element] = []
        result.reserveCapacity(items.count)
        var failed = false
        for (index, item) in items.enumerated() {
            var nested: [ValidationIssue] = []
            if let element = Element(json: item, issues: &nested), nested.isEmpty {
                result.append(element)
            } else {
                failed = true
                issues += nested.map { $0.prefixed(by: .index(index)) }
            }
        }
        guard !failed else { return nil }
        self = result
    }

    @inlinable
    public var json: JSONValue { .array(map(\.json)) }
}

extension Dictionary: JSONRepresentable where Key == String, Value: JSONRepresentable {
    @inlinable @inline(never)
    public init?(json: JSONValue, issues: inout [ValidationIssue]) {
        guard case .object(let object) = json else {
            issues.append(JSONField.mismatch("object", json))
            return nil
        }
        var result: [String: Value] = [:]
        var failed = false
        for member in object {
            // Swift's String equality merges canonically equivalent keys that JSON keeps apart.
            if result[member.key] != nil {
                issues.append(ValidationIssue(path: [.key(member.key)], message: "a key equivalent to this one is already in the map; a Swift dictionary cannot keep both"))
                failed = true
            } else if let value: Value = JSONField.read(member.value, at: member.key, issues: &issues) {
                result[member.key] = value
            } else {
                failed = true
            }
        }
        guard !failed else { return nil }
        self = result
    }

    /// The map as a JSON object with its keys sorted, so the bytes are the same on every run.
    @inlinable
    public var json: JSONValue {
        var object = JSONObject()
        for key in keys.sorted() { object.append(key: key, value: self[key]!.json) }
        return .object(object)
    }
}

extension JSONField {
    /// Runs `read` with a fresh issue list and files its issues under `key` (`header`, `body`).
    @inlinable @inline(never)
    public static func nested<T>(
        at key: String, issues: inout [ValidationIssue], _ read: (inout [ValidationIssue]) -> T?
    ) -> T? {
        var nested: [ValidationIssue] = []
        let result = read(&nested)
        if !nested.isEmpty { issues += nested.map { $0.prefixed(by: .key(key)) } }
        return result
    }
}
