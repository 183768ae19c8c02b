using System.Net;
using System.Net.Sockets;

namespace Igo.Web.Security;

/// <summary>
/// The address a per-client limit is counted against. An IPv4 address (also when written IPv4-mapped) counts as itself;
/// an IPv6 address counts by its /64 network, because one subscriber gets a whole /64 and could otherwise pick a new
/// address for every attempt.
/// </summary>
internal static class ClientAddress
{
    private const int Ipv6NetworkBytes = 8;

    /// <summary>The partition of the request's client (after the forwarded-headers middleware); <see cref="IPAddress.None"/> when unknown.</summary>
    public static IPAddress Of(HttpContext context) => PartitionOf(context.Connection.RemoteIpAddress);

    public static IPAddress PartitionOf(IPAddress? address)
    {
        if (address is null)
        {
            return IPAddress.None;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[Ipv6NetworkBytes..].Clear();
        return new IPAddress(bytes);
    }
}
