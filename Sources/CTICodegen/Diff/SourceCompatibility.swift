import CTISpec

extension SwiftAPISurface {
    /// The source-breaking differences from `old` to `new`: what code written against the old API can no
    /// longer name or call as it did, and the requirements conforming types must add. Additions that old
    /// code does not see (new types, members, enum cases, parameters with a default) are not reported
    /// here; the spec's own diff lists them as compatible.
    ///
    /// What one spec edit does to several symbols (a message renamed: its types, its handler method, the
    /// example handler's, an enum case) is one change, at the spec row they come from.
    static func breakingChanges(from old: SwiftAPISurface, to new: SwiftAPISurface, destinations: [String: String]) -> [SpecChange] {
        var changes: [SpecChange] = []
        let removed = Set(old.symbols.keys).subtracting(new.symbols.keys)
        for path in removed.sorted() {
            // Report a removed type once, not once per member.
            if let parent = parent(of: path), removed.contains(parent) { continue }
            let symbol = old.symbols[path]!
            // A function whose parameters changed: point at the new side and name what replaced it.
            let replacements = parent(of: path).map { owner in
                new.symbols.values.filter { old.symbols[$0.path] == nil && parent(of: $0.path) == owner && baseName($0.path) == baseName(path) }
                    .map(\.signature).sorted()
            } ?? []
            let location = replacements.isEmpty ? old.origin(of: path) : new.origin(of: path)
            let now = replacements.isEmpty ? "" : "; there is now `\(replacements.joined(separator: "`, `"))`"
            changes.append(SpecChange(
                .source, at: location, destination: destination(of: path, in: destinations),
                "`\(path)` no longer exists (it was `\(symbol.signature)`)\(now)", symbols: [path]))
        }
        for (path, symbol) in new.symbols.sorted(by: { $0.key < $1.key }) {
            guard let before = old.symbols[path] else {
                if symbol.isRequirement, let owner = parent(of: path) {
                    changes.append(SpecChange(
                        .source, at: new.origin(of: path), destination: destination(of: path, in: destinations),
                        "`\(path)` is a new requirement: every type that conforms to `\(owner)` must implement it",
                        symbols: [path]))
                }
                continue
            }
            guard before.signature != symbol.signature, !isCompatible(before, symbol) else { continue }
            changes.append(SpecChange(
                .source, at: new.origin(of: path), destination: destination(of: path, in: destinations),
                "`\(path)` changed from `\(before.signature)` to `\(symbol.signature)`", symbols: [path]))
        }
        return merged(changes)
    }

    /// The changes at one location joined into one, their texts and symbols in order.
    private static func merged(_ changes: [SpecChange]) -> [SpecChange] {
        var order: [SourceLocation] = []
        var byLocation: [SourceLocation: SpecChange] = [:]
        for change in changes {
            guard var existing = byLocation[change.location] else {
                order.append(change.location)
                byLocation[change.location] = change
                continue
            }
            existing.text += "; " + change.text
            existing.symbols += change.symbols
            byLocation[change.location] = existing
        }
        return order.map { byLocation[$0]! }
    }

    /// Whether every call of `old` still compiles against `new`: the same required parameters and
    /// effects, and every parameter with a default still there (new ones with a default may be added).
    private static func isCompatible(_ old: Symbol, _ new: Symbol) -> Bool {
        !old.isRequirement && old.requiredParameters == new.requiredParameters && old.effects == new.effects
            && old.defaultedParameters.isSubset(of: new.defaultedParameters)
            && old.isFunction && new.isFunction
    }

    /// The enclosing path: `A.B` for `A.B.c` and for `A.B.init(x:)`.
    private static func parent(of path: String) -> String? {
        let name = path.firstIndex(of: "(").map { path[..<$0] } ?? Substring(path)
        return name.lastIndex(of: ".").map { String(path[..<$0]) }
    }

    /// A function's name without its labels (`A.init` for `A.init(x:)`); the path itself otherwise.
    private static func baseName(_ path: String) -> String {
        guard let open = path.firstIndex(of: "(") else { return path }
        return String(path[..<open])
    }

    /// The destination whose namespace, handler or message protocol a path is under.
    private static func destination(of path: String, in destinations: [String: String]) -> String? {
        let top = String(path.prefix { $0 != "." && $0 != "(" })
        return destinations[top]
    }
}
