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
            let marker = CTIDestinationVariantExample.target(variant.rawValue)
            return segments.contains { $0 == marker || $0.hasPrefix(marker + "-") }
        }
        self = variant ?? Self.allCases.first!
    }
}

/// How the examples of a variant's messages name the variant in their targets.
enum CTIDestinationVariantExample {
    /// `example-telephony`: the example target of a variant with no target form, and the start of
    /// each id in the example of one with a form.
    static func target(_ variant: String) -> String { "example-" + variant }
}
