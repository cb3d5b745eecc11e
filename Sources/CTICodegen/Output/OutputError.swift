import Foundation

/// Why the output writer refused to write or could not finish; each message names the path concerned.
public enum OutputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A generated file name that is empty, contains `/`, `\`, `..` or NUL, or starts with `.`.
    case unsafeFileName(String, folder: URL)
    /// Two generated files with the same name in the same output folder.
    case duplicateFile(URL)
    /// A generated file for an output root the writer was given no folder for.
    case noFolder(GeneratedFile.Root, file: String)
    /// An output folder, or a folder above it, that exists as something other than a folder.
    case notAFolder(URL)
    /// A destination that exists as something other than a regular file (a folder, a device, ...).
    case notAFile(URL)
    /// A destination that, once symbolic links are followed, lies outside its resolved output folder.
    case outsideOutputFolder(URL, resolved: String, folder: String)
    /// A path whose symbolic links loop.
    case symbolicLinkLoop(URL)
    /// An existing file that cannot be read.
    case unreadable(URL, reason: String)
    /// A destination whose bytes changed on disk after the plan was made.
    case changedSincePlan(URL)
    /// An output or staging folder that cannot be created.
    case cannotCreateFolder(URL, reason: String)
    /// A file that cannot be written to the staging folder.
    case cannotStage(URL, reason: String)
    /// A staged file that cannot be moved into place; `restored` tells whether the files already moved were
    /// put back as they were.
    case cannotMove(URL, reason: String, restored: Bool)

    /// `path: error: what went wrong`, in the compiler's format.
    public var description: String {
        switch self {
        case .unsafeFileName(let name, let folder):
            return "\(folder.path): error: refusing the generated file name \(name.debugDescription): a name must "
                + "not be empty, contain '/', '\\', '..' or NUL, or start with '.'; nothing was written"
        case .duplicateFile(let url):
            return "\(url.path): error: the generator produced this file twice; nothing was written"
        case .noFolder(let root, let file):
            return "\(file): error: no output folder was given for the \(root.rawValue) files; nothing was written"
        case .notAFolder(let url):
            return "\(url.path): error: exists and is not a folder, so it cannot hold generated files; nothing was written"
        case .notAFile(let url):
            return "\(url.path): error: exists and is not a regular file, so it cannot be replaced; nothing was written"
        case .outsideOutputFolder(let url, let resolved, let folder):
            return "\(url.path): error: refusing to write: the path resolves to \(resolved), outside the output "
                + "folder \(folder); nothing was written"
        case .symbolicLinkLoop(let url):
            return "\(url.path): error: the symbolic links in this path loop; nothing was written"
        case .unreadable(let url, let reason):
            return "\(url.path): error: cannot read the existing file: \(reason); nothing was written"
        case .changedSincePlan(let url):
            return "\(url.path): error: the file changed on disk while the output was being prepared; nothing was "
                + "written, run again"
        case .cannotCreateFolder(let url, let reason):
            return "\(url.path): error: cannot create the folder: \(reason); nothing was written"
        case .cannotStage(let url, let reason):
            return "\(url.path): error: cannot write the new file to the staging folder: \(reason); nothing was written"
        case .cannotMove(let url, let reason, let restored):
            let outcome =
                restored
                ? "the files already replaced were put back"
                : "some files already replaced could not be put back; compare the output with version control"
            return "\(url.path): error: cannot move the new file into place: \(reason); \(outcome)"
        }
    }
}
