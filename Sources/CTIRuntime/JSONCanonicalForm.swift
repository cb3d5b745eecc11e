extension JSONValue {
    /// The value with every object's members sorted by key, recursively: two values that hold the
    /// same data in a different member order have equal canonical forms.
    public var canonicalized: JSONValue {
        switch self {
        case .array(let items):
            return .array(items.map(\.canonicalized))
        case .object(let object):
            let members = object.members
                .map { JSONObject.Member(key: $0.key, value: $0.value.canonicalized) }
                .sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            return .object(JSONObject(members))
        default:
            return self
        }
    }
}
