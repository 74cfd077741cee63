#!/usr/bin/python3
"""A stand-in for ModemManager on a private D-Bus "system" bus, enough for
mmsd-tng to find a connected modem: one modem (Modem, Modem.Messaging), one
SIM (operator 310260) and one connected bearer on the loopback interface
whose APN is the one given. Property types follow ModemManager's interface
XML (org.freedesktop.ModemManager1.*.xml), which libmm-glib checks.

Usage: fake_modemmanager.py NUMBER APN
It prints "ready" on standard output once its name is owned.
"""

import sys

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

MM = "org.freedesktop.ModemManager1"
ROOT = "/org/freedesktop/ModemManager1"
MODEM = ROOT + "/Modem/0"
SIM = ROOT + "/SIM/0"
BEARER = ROOT + "/Bearer/0"
PROPS = "org.freedesktop.DBus.Properties"
OBJMGR = "org.freedesktop.DBus.ObjectManager"

MM_MODEM_STATE_CONNECTED = 11
MM_MODEM_CAPABILITY_GSM_UMTS = 4
MM_MODEM_ACCESS_TECHNOLOGY_LTE = 1 << 14
MM_BEARER_IP_METHOD_STATIC = 2
MM_BEARER_TYPE_DEFAULT = 1
MM_SMS_STORAGE_ME = 2


class Props(dbus.service.Object):
    """An object with properties per interface, read through
    org.freedesktop.DBus.Properties."""

    def __init__(self, bus, path, interfaces):
        super().__init__(bus, path)
        self.path = path
        self.interfaces = interfaces

    @dbus.service.method(PROPS, in_signature="ss", out_signature="v")
    def Get(self, interface, name):
        return self.interfaces[interface][name]

    @dbus.service.method(PROPS, in_signature="s", out_signature="a{sv}")
    def GetAll(self, interface):
        return dbus.Dictionary(self.interfaces.get(interface, {}), signature="sv")

    @dbus.service.method(PROPS, in_signature="ssv")
    def Set(self, interface, name, value):
        raise dbus.exceptions.DBusException(
            MM + ".Error.Core.Unsupported", "read-only"
        )

    @dbus.service.signal(PROPS, signature="sa{sv}as")
    def PropertiesChanged(self, interface, changed, invalidated):
        pass


class Manager(Props):
    def __init__(self, bus, objects):
        super().__init__(bus, ROOT, {MM: {"Version": dbus.String("1.20.0")}})
        self.objects = objects

    @dbus.service.method(OBJMGR, out_signature="a{oa{sa{sv}}}")
    def GetManagedObjects(self):
        out = dbus.Dictionary({}, signature="oa{sa{sv}}")
        for o in self.objects:
            out[dbus.ObjectPath(o.path)] = dbus.Dictionary(
                {
                    i: dbus.Dictionary(p, signature="sv")
                    for i, p in o.interfaces.items()
                },
                signature="sa{sv}",
            )
        return out

    @dbus.service.signal(OBJMGR, signature="oa{sa{sv}}")
    def InterfacesAdded(self, path, interfaces):
        pass

    @dbus.service.signal(OBJMGR, signature="oas")
    def InterfacesRemoved(self, path, interfaces):
        pass

    @dbus.service.method(MM)
    def ScanDevices(self):
        pass

    @dbus.service.method(MM, in_signature="s")
    def SetLogging(self, level):
        pass


class Modem(Props):
    def __init__(self, bus, number):
        modem = {
            "Sim": dbus.ObjectPath(SIM),
            "SimSlots": dbus.Array([dbus.ObjectPath(SIM)], signature="o"),
            "PrimarySimSlot": dbus.UInt32(1),
            "Bearers": dbus.Array([dbus.ObjectPath(BEARER)], signature="o"),
            "SupportedCapabilities": dbus.Array(
                [dbus.UInt32(MM_MODEM_CAPABILITY_GSM_UMTS)], signature="u"
            ),
            "CurrentCapabilities": dbus.UInt32(MM_MODEM_CAPABILITY_GSM_UMTS),
            "MaxBearers": dbus.UInt32(1),
            "MaxActiveBearers": dbus.UInt32(1),
            "Manufacturer": dbus.String("mms-pdu"),
            "Model": dbus.String("fake modem"),
            "Revision": dbus.String("1"),
            "DeviceIdentifier": dbus.String("fake0"),
            "Device": dbus.String("/sys/devices/fake0"),
            "Drivers": dbus.Array(["fake"], signature="s"),
            "Plugin": dbus.String("fake"),
            "PrimaryPort": dbus.String("fake0"),
            "Ports": dbus.Array([], signature="(su)"),
            "EquipmentIdentifier": dbus.String("490154203237518"),
            "UnlockRequired": dbus.UInt32(1),
            "UnlockRetries": dbus.Dictionary({}, signature="uu"),
            "State": dbus.Int32(MM_MODEM_STATE_CONNECTED),
            "StateFailedReason": dbus.UInt32(0),
            "AccessTechnologies": dbus.UInt32(MM_MODEM_ACCESS_TECHNOLOGY_LTE),
            "SignalQuality": dbus.Struct(
                (dbus.UInt32(80), dbus.Boolean(True)), signature="ub"
            ),
            "OwnNumbers": dbus.Array([number], signature="s"),
            "PowerState": dbus.UInt32(3),
            "SupportedModes": dbus.Array([], signature="(uu)"),
            "CurrentModes": dbus.Struct(
                (dbus.UInt32(0), dbus.UInt32(0)), signature="uu"
            ),
            "SupportedBands": dbus.Array([], signature="u"),
            "CurrentBands": dbus.Array([], signature="u"),
            "SupportedIpFamilies": dbus.UInt32(7),
        }
        messaging = {
            "Messages": dbus.Array([], signature="o"),
            "SupportedStorages": dbus.Array(
                [dbus.UInt32(MM_SMS_STORAGE_ME)], signature="u"
            ),
            "DefaultStorage": dbus.UInt32(MM_SMS_STORAGE_ME),
        }
        super().__init__(
            bus,
            MODEM,
            {MM + ".Modem": modem, MM + ".Modem.Messaging": messaging},
        )

    @dbus.service.method(MM + ".Modem", out_signature="ao")
    def ListBearers(self):
        return dbus.Array([dbus.ObjectPath(BEARER)], signature="o")

    @dbus.service.method(MM + ".Modem", in_signature="b")
    def Enable(self, enable):
        pass

    @dbus.service.signal(MM + ".Modem", signature="iiu")
    def StateChanged(self, old, new, reason):
        pass

    @dbus.service.method(MM + ".Modem.Messaging", out_signature="ao")
    def List(self):
        return dbus.Array([], signature="o")

    @dbus.service.method(MM + ".Modem.Messaging", in_signature="o")
    def Delete(self, path):
        pass

    @dbus.service.signal(MM + ".Modem.Messaging", signature="ob")
    def Added(self, path, received):
        pass


class Sim(Props):
    def __init__(self, bus):
        sim = {
            "Active": dbus.Boolean(True),
            "SimIdentifier": dbus.String("89014103211118510720"),
            "Imsi": dbus.String("310260000000001"),
            "Eid": dbus.String(""),
            "OperatorIdentifier": dbus.String("310260"),
            "OperatorName": dbus.String("Test Network"),
            "EmergencyNumbers": dbus.Array(["911"], signature="s"),
            "PreferredNetworks": dbus.Array([], signature="(su)"),
            "Gid1": dbus.Array([], signature="y"),
            "Gid2": dbus.Array([], signature="y"),
            "SimType": dbus.UInt32(1),
            "EsimStatus": dbus.UInt32(0),
            "Removability": dbus.UInt32(1),
        }
        super().__init__(bus, SIM, {MM + ".Sim": sim})


class Bearer(Props):
    def __init__(self, bus, apn):
        ip4 = dbus.Dictionary(
            {
                "method": dbus.UInt32(MM_BEARER_IP_METHOD_STATIC),
                "address": dbus.String("127.0.0.1"),
                "prefix": dbus.UInt32(8),
                "dns1": dbus.String("127.0.0.1"),
                "gateway": dbus.String("127.0.0.1"),
                "mtu": dbus.UInt32(1500),
            },
            signature="sv",
        )
        bearer = {
            "Interface": dbus.String("lo"),
            "Connected": dbus.Boolean(True),
            "ConnectionError": dbus.Struct(("", ""), signature="ss"),
            "Suspended": dbus.Boolean(False),
            "Multiplexed": dbus.Boolean(False),
            "Ip4Config": ip4,
            "Ip6Config": dbus.Dictionary(
                {"method": dbus.UInt32(0)}, signature="sv"
            ),
            "Stats": dbus.Dictionary({}, signature="sv"),
            "ReloadStatsSupported": dbus.Boolean(False),
            "IpTimeout": dbus.UInt32(20),
            "BearerType": dbus.UInt32(MM_BEARER_TYPE_DEFAULT),
            "ProfileId": dbus.Int32(-1),
            "Properties": dbus.Dictionary(
                {"apn": dbus.String(apn), "ip-type": dbus.UInt32(1)},
                signature="sv",
            ),
        }
        super().__init__(bus, BEARER, {MM + ".Bearer": bearer})

    @dbus.service.method(MM + ".Bearer")
    def Connect(self):
        pass

    @dbus.service.method(MM + ".Bearer")
    def Disconnect(self):
        pass


def main():
    number, apn = sys.argv[1], sys.argv[2]
    DBusGMainLoop(set_as_default=True)
    bus = dbus.SystemBus()
    objects = [Modem(bus, number), Sim(bus), Bearer(bus, apn)]
    manager = Manager(bus, [objects[0]])
    name = dbus.service.BusName(MM, bus)
    print("ready", flush=True)
    loop = GLib.MainLoop()
    loop.run()
    del name, manager


if __name__ == "__main__":
    main()
