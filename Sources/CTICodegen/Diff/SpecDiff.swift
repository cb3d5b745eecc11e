import CTISpec

/// What changed from one spec to another, and whom each change breaks: peers on the wire
/// (`WireComparison`) and code written against the generated Swift API (`SwiftAPISurface`).
public struct SpecDiff: Sendable {
    /// Every change, by location.
    public let changes: [SpecChange]

    /// Compares `old` with `new`; both must have passed the checks (`SpecLoader.forSwift()`). Swift
    /// symbols are named as the generator names them with `namePrefix` (a `cti-codegen.yaml` setting).
    public init(from old: Spec, to new: Spec, namePrefix: String = "") {
        let names = GeneratedNames(prefix: namePrefix, spec: nil)
        var destinations: [String: String] = [:]
        for destination in old.destinations + new.destinations {
            for name in [names.namespace(destination), names.handler(destination), names.message(destination)] {
                destinations[name] = destination.displayName
            }
        }
        let wire = WireComparison(from: old, to: new).changes
        let source = SwiftAPISurface.breakingChanges(
            from: SwiftAPISurface(old, namePrefix: namePrefix), to: SwiftAPISurface(new, namePrefix: namePrefix), destinations: destinations)
        changes = (wire + source).sorted { ($0.location, $0.impact, $0.text) < ($1.location, $1.impact, $1.text) }
    }

    /// How many changes have `impact`.
    public func count(_ impact: SpecChange.Impact) -> Int {
        changes.count { $0.impact == impact }
    }
}
