import CTIRuntime

/// Where the bridge is and how to talk to it.
public struct BridgeConfiguration: Sendable {
    /// The bridge's host name or address.
    public var host: String
    /// The bridge's port.
    public var port: Int
    /// TLS, when the bridge expects it; nil for plain TCP.
    public var tls: TLSOptions?
    /// The framing: the length prefix's byte order and the largest frame read or written.
    public var framing: FramingOptions
    /// When to connect again after the connection fails or closes; nil: ``BridgeConnection/run()``
    /// returns when the connection closes and throws when it cannot connect.
    public var reconnect: ReconnectPolicy?
    /// How long a connection attempt may take.
    public var connectTimeout: Duration

    /// Creates a configuration: plain TCP, big-endian frames of at most 1 MiB, no reconnecting.
    public init(
        host: String, port: Int, tls: TLSOptions? = nil, framing: FramingOptions = .default,
        reconnect: ReconnectPolicy? = nil, connectTimeout: Duration = .seconds(10)
    ) {
        self.host = host
        self.port = port
        self.tls = tls
        self.framing = framing
        self.reconnect = reconnect
        self.connectTimeout = connectTimeout
    }
}
