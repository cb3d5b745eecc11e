import NIOSSL

/// TLS for the connection to the bridge: whom to trust, and the client's own certificate when the
/// bridge asks for one.
public struct TLSOptions: Sendable {
    /// The certificates a bridge's certificate must chain to.
    public enum TrustRoots: Sendable {
        /// The system's trust store.
        case system
        /// The certificates in a PEM file (a private CA, or the bridge's own self-signed certificate).
        case pemFile(String)
        /// PEM text of one or more certificates.
        case pem(String)
    }

    /// Whom to trust.
    public var trustRoots: TrustRoots
    /// The client's certificate chain, a PEM file, when the bridge authenticates clients.
    public var certificateChainFile: String?
    /// The private key of the client's certificate, a PEM file.
    public var privateKeyFile: String?
    /// The name the bridge's certificate must carry, and the name sent in the TLS handshake; nil for the
    /// host connected to (when that is a name, not an address).
    public var serverHostname: String?

    /// Creates options; by default the system's trust store and no client certificate.
    public init(
        trustRoots: TrustRoots = .system, certificateChainFile: String? = nil, privateKeyFile: String? = nil,
        serverHostname: String? = nil
    ) {
        self.trustRoots = trustRoots
        self.certificateChainFile = certificateChainFile
        self.privateKeyFile = privateKeyFile
        self.serverHostname = serverHostname
    }

    /// The client context these options describe.
    func makeContext() throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch trustRoots {
        case .system: configuration.trustRoots = .default
        case .pemFile(let path): configuration.trustRoots = .file(path)
        case .pem(let text): configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(text.utf8)))
        }
        if let chain = certificateChainFile {
            configuration.certificateChain = try NIOSSLCertificate.fromPEMFile(chain).map { .certificate($0) }
        }
        if let key = privateKeyFile {
            configuration.privateKey = .privateKey(try NIOSSLPrivateKey(file: key, format: .pem))
        }
        return try NIOSSLContext(configuration: configuration)
    }
}
