/// The access level of generated declarations: `public` for a library other modules import,
/// `internal` (the default for plugin users) for code used only in its own module.
public enum AccessLevel: String, Sendable, Hashable, CaseIterable {
    case `public`, package, `internal`
}
