extension JSONValue: Codable {
    /// Decodes whatever value the decoder holds, so that `JSONValue` can stand for a
    /// free-form member of a `Codable` type.
    ///
    /// Integers are kept exactly; other numbers go through `Double`, so their text is the
    /// shortest round-trip spelling rather than the original one. Object member order is
    /// the order in which the decoder lists its keys.
    public init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: JSONCodingKey.self) {
            var object = JSONObject()
            object.members.reserveCapacity(keyed.allKeys.count)
            for key in keyed.allKeys {
                object.append(key: key.stringValue, value: try keyed.decode(JSONValue.self, forKey: key))
            }
            self = .object(object)
            return
        }
        if var unkeyed = try? decoder.unkeyedContainer() {
            var elements: [JSONValue] = []
            if let count = unkeyed.count { elements.reserveCapacity(count) }
            while !unkeyed.isAtEnd {
                elements.append(try unkeyed.decode(JSONValue.self))
            }
            self = .array(elements)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let bool = try? single.decode(Bool.self) {
            self = .bool(bool)
        } else if let string = try? single.decode(String.self) {
            self = .string(string)
        } else if let number = try? single.decode(JSONNumber.self) {
            self = .number(number)
        } else {
            throw DecodingError.dataCorruptedError(
                in: single, debugDescription: "expected a JSON value (null, boolean, number, string, array or object)")
        }
    }

    /// Encodes the value; object members are encoded in stored order (whether the output
    /// keeps that order is up to the encoder; `serialized()` always does).
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let bool):
            var container = encoder.singleValueContainer()
            try container.encode(bool)
        case .number(let number):
            try number.encode(to: encoder)
        case .string(let string):
            var container = encoder.singleValueContainer()
            try container.encode(string)
        case .array(let elements):
            var container = encoder.unkeyedContainer()
            for element in elements {
                try container.encode(element)
            }
        case .object(let object):
            try object.encode(to: encoder)
        }
    }
}
