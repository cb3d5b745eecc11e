/// The shipped protocol definitions (a copy of spec/protocol.yaml, kept equal by a test), used when
/// a spec's inputs include no file that starts with `protocol:`, so that a package applying the
/// plugin needs only its destination files.
public enum BundledProtocol {
    /// The name diagnostics and generated comments use for the bundled file.
    public static let path = "<bundled>/protocol.yaml"

    /// The file's text.
    public static let yaml = #"""
protocol: Processor Bridge
summary: >
  The Processor Bridge protocol connects a vendor's bridge (the server side) with a
  client that adapts one telephony platform. The client opens a TCP connection to the
  bridge (TLS is optional). The bridge sends queries, which read state, and requests,
  which act on a resource; the client answers each with exactly one response. The
  client also sends unsolicited events, warnings and errors. Every message is a JSON
  object with a `header` and a `body`. The header says which kind of message it is,
  which message it is, and which object it addresses: `target` is the dot-separated
  chain of object ids from the session down to that object. Messages are grouped into
  destinations (session, channel group, channel, interaction, ...). Each destination
  goes through setup, initialization (its init query) and tear down.

framing:
  lengthPrefixBytes: 4
  # The protocol does not state the byte order of the length prefix. Big-endian
  # (network order, what Java's DataOutputStream writes) is the likely default;
  # little-endian stays selectable at run time.
  byteOrder: big-endian
  encoding: utf-8
  # The protocol states no maximum frame size. 1 MiB is our default limit; readers
  # enforce it and it is configurable.
  maxFrameBytes: 1048576

kinds:
  - kind: query
    wireType: cti.query
    sender: bridge
    answeredBy: response
    summary: >
      Sent by the bridge to read state from the client. The client answers every
      query with exactly one response.
    header:
      - key: type
        type: wireType
        notes: Always cti.query for a query.
      - key: name
        type: messageName
        notes: The query's message name, which selects the body's shape.
      - key: target
        type: string
        notes: >-
          The dot-separated chain of object ids from the session down to the object
          the query addresses.
      - key: requestId
        type: guid
        notes: >-
          The bridge's identifier for this query. The response repeats it byte for
          byte (same case, same braces).

  - kind: request
    wireType: cti.request
    sender: bridge
    answeredBy: response
    summary: >
      Sent by the bridge to make the client act on a resource. The client answers
      every request with exactly one response, and some requests also cause events.
    header:
      - key: type
        type: wireType
        notes: Always cti.request for a request.
      - key: name
        type: messageName
        notes: The request's message name, which selects the body's shape.
      - key: target
        type: string
        notes: >-
          The dot-separated chain of object ids from the session down to the object
          the request addresses.
      - key: requestId
        type: guid
        notes: >-
          The bridge's identifier for this request. The response repeats it byte for
          byte (same case, same braces).

  - kind: response
    wireType: cti.response
    sender: client
    summary: >
      The client's answer to one query or request. It repeats the name, target and
      requestId of the message it answers exactly, and reports whether that message
      succeeded.
    header:
      - key: type
        type: wireType
        notes: Always cti.response for a response.
      - key: name
        type: messageName
        notes: The name of the query or request this response answers.
      - key: target
        type: string
        notes: The target of the query or request this response answers, unchanged.
      - key: requestId
        type: guid
        notes: >-
          The requestId of the query or request this response answers, byte for byte.
      - key: result
        type: enum
        values: [SUCCESS, FAILURE]
        notes: Whether the query or request succeeded.
      - key: errorMessage
        type: string
        required: false
        notes: >-
          Why the query or request failed, in words a person can read. The bridge
          logs it and may show it to the agent. Needed when result is FAILURE.

  - kind: event
    wireType: cti.event
    sender: client
    summary: >
      An unsolicited notification from the client about a change to an object. Some
      events follow from a request the client has carried out. An event carries no
      requestId.
    header:
      - key: type
        type: wireType
        notes: Always cti.event for an event.
      - key: name
        type: messageName
        notes: The event's message name, which selects the body's shape.
      - key: target
        type: string
        notes: >-
          The dot-separated chain of object ids from the session down to the object
          the event concerns.

  - kind: warning
    wireType: cti.warning
    sender: client
    summary: >
      A generic, unsolicited warning from the client. Its name is chosen at run
      time, not fixed by the protocol. Its header carries a code and a message.
    header:
      - key: type
        type: wireType
        notes: Always cti.warning for a warning.
      - key: name
        type: string
        notes: The warning's name, chosen at run time (not a fixed message name).
      - key: target
        type: string
        notes: >-
          The dot-separated chain of object ids from the session down to the object
          the warning concerns.
      - key: code
        type: string
        notes: A code that identifies the warning.
      - key: message
        type: string
        notes: A description of the warning.

  - kind: error
    wireType: cti.error
    sender: client
    summary: >
      A generic, unsolicited error from the client. Its name is chosen at run time,
      not fixed by the protocol. Its header carries a code and a message.
    header:
      - key: type
        type: wireType
        notes: Always cti.error for an error.
      - key: name
        type: string
        notes: The error's name, chosen at run time (not a fixed message name).
      - key: target
        type: string
        notes: >-
          The dot-separated chain of object ids from the session down to the object
          the error concerns.
      - key: code
        type: string
        notes: A code that identifies the error.
      - key: message
        type: string
        notes: A description of the error.

rules:
  - id: failure-needs-error-message
    summary: >-
      A response whose result is FAILURE must carry an errorMessage saying what went
      wrong.
    when: {key: result, equals: FAILURE}
    require: errorMessage
  - id: no-events-before-init
    summary: >-
      The client sends no event for a destination until it has received that
      destination's init query and answered it. The bridge queues events for a
      destination that is not initialized yet and delivers them in arrival order
      once it is.

"""#
}
