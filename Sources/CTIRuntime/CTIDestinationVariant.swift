/// The variants of a destination whose objects come in several kinds (a channel is generic,
/// telephony or unsupported). Generated as an enum whose first case, `generic`, is the destination
/// itself; the handler says which variant a target is, and the router answers each message with
/// that variant's route.
public protocol CTIDestinationVariant: RawRepresentable<String>, CaseIterable, Sendable, Hashable {}

extension CTIDestinationVariant {
    /// The variant whose messages' examples are addressed to `target` (see
    /// ``CTIMessage/exampleTarget``), and the first case for any other target: what an example
    /// handler answers, so that every variant's examples reach that variant's routes.
    public init(exampleTarget target: String) {
        let segments = target.split(separator: ".")
        let variant = Self.allCases.first { variant in
            let marker = ExampleTarget.marker(variant.rawValue)
            return segments.contains { $0 == marker || $0.hasPrefix(marker + "-") }
        }
        self = variant ?? Self.allCases.first!
    }
}

/// The targets examples are addressed to: the generated messages' examples, and the messages
/// `cti-bridge` sends by default.
public enum ExampleTarget {
    /// A target of `shape`, when the destination gives one, that names `variant`, for a variant's
    /// message; nil when neither applies (the header kind's example target is used then).
    public static func target(shape: TargetShape?, variant: String?) -> String? {
        guard let variant else { return shape?.example }
        return shape?.example(variant: variant) ?? marker(variant)
    }

    /// `example-telephony`: the example target of a variant with no target form, and the start of
    /// each id in the example of one with a form.
    static func marker(_ variant: String) -> String { "example-" + variant }
}
