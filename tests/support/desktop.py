#!/usr/bin/python3
"""What a desktop does to an app, for the end-to-end tests (Debian's python3-dbus, -gi, -xlib).

  desktop.py close NAME             closes every X window titled NAME as a window manager's
                                    close button does (WM_DELETE_WINDOW)
  desktop.py tray ADDRESS LOG       a tray host on the bus at ADDRESS: owns
                                    org.kde.StatusNotifierWatcher and writes each tray icon
                                    that registers (its bus name and object path) to LOG
  desktop.py notifications ADDRESS  a notification service on the bus at ADDRESS that answers
                                    GetServerInformation as "Fake notifier 1.0" and Notify
  desktop.py click ADDRESS LOG LABEL
                                    clicks the menu item LABEL of the tray icon in LOG, as a
                                    panel does (com.canonical.dbusmenu Event "clicked")
"""

import sys
import time


def close(name):
    from Xlib import X, display, protocol

    d = display.Display()
    protocols = d.intern_atom("WM_PROTOCOLS")
    delete = d.intern_atom("WM_DELETE_WINDOW")
    closed = 0
    pending = [d.screen().root]
    while pending:
        window = pending.pop()
        pending.extend(window.query_tree().children)
        if window.get_wm_name() == name and delete in (window.get_wm_protocols() or []):
            event = protocol.event.ClientMessage(
                window=window, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0])
            )
            window.send_event(event, event_mask=X.NoEventMask)
            closed += 1
    d.flush()
    if closed == 0:
        sys.exit(f"no window titled {name}")


def tray(address, log):
    import dbus
    import dbus.service
    from dbus.mainloop.glib import DBusGMainLoop
    from gi.repository import GLib

    DBusGMainLoop(set_as_default=True)
    bus = dbus.bus.BusConnection(address)
    iface = "org.kde.StatusNotifierWatcher"

    class Watcher(dbus.service.Object):
        items = []

        @dbus.service.method(iface, in_signature="s", sender_keyword="sender")
        def RegisterStatusNotifierItem(self, service, sender=None):
            path = service if service.startswith("/") else "/StatusNotifierItem"
            name = sender if service.startswith("/") else service
            self.items.append(f"{name}{path}")
            with open(log, "a") as out:
                out.write(f"{name} {path}\n")
            self.StatusNotifierItemRegistered(f"{name}{path}")

        @dbus.service.method(iface, in_signature="s")
        def RegisterStatusNotifierHost(self, service):
            pass

        @dbus.service.signal(iface, signature="s")
        def StatusNotifierItemRegistered(self, item):
            pass

        @dbus.service.method(dbus.PROPERTIES_IFACE, in_signature="ss", out_signature="v")
        def Get(self, interface, prop):
            return self.GetAll(interface)[prop]

        @dbus.service.method(dbus.PROPERTIES_IFACE, in_signature="s", out_signature="a{sv}")
        def GetAll(self, interface):
            return {
                "RegisteredStatusNotifierItems": dbus.Array(self.items, signature="s"),
                "IsStatusNotifierHostRegistered": True,
                "ProtocolVersion": dbus.Int32(0),
            }

    Watcher(bus, "/StatusNotifierWatcher")
    # The name last: an app that sees it may register at once.
    name = dbus.service.BusName(iface, bus)
    with open(log, "a") as out:
        out.write("ready\n")
    GLib.MainLoop().run()
    del name


def notifications(address):
    import dbus
    import dbus.service
    from dbus.mainloop.glib import DBusGMainLoop
    from gi.repository import GLib

    DBusGMainLoop(set_as_default=True)
    bus = dbus.bus.BusConnection(address)
    iface = "org.freedesktop.Notifications"

    class Service(dbus.service.Object):
        @dbus.service.method(iface, out_signature="ssss")
        def GetServerInformation(self):
            return ("Fake notifier", "Backstride tests", "1.0", "1.2")

        @dbus.service.method(iface, out_signature="as")
        def GetCapabilities(self):
            return ["body"]

        @dbus.service.method(iface, in_signature="susssasa{sv}i", out_signature="u")
        def Notify(self, app, replaces, icon, summary, body, actions, hints, timeout):
            return dbus.UInt32(1)

    Service(bus, "/org/freedesktop/Notifications")
    name = dbus.service.BusName(iface, bus)
    print("ready", flush=True)
    GLib.MainLoop().run()
    del name


def click(address, log, label):
    import dbus

    bus = dbus.bus.BusConnection(address)
    deadline = time.monotonic() + 15
    while True:
        lines = [l.split() for l in open(log) if len(l.split()) == 2]
        if lines:
            break
        if time.monotonic() > deadline:
            sys.exit("no tray icon registered")
        time.sleep(0.05)
    name, path = lines[-1]
    item = bus.get_object(name, path)
    menu_path = item.Get("org.kde.StatusNotifierItem", "Menu", dbus_interface=dbus.PROPERTIES_IFACE)
    menu = dbus.Interface(bus.get_object(name, menu_path), "com.canonical.dbusmenu")

    def find(node):
        node_id, props, children = node
        if props.get("label", "").replace("_", "") == label:
            return node_id
        for child in children:
            found = find(child)
            if found is not None:
                return found
        return None

    while True:
        _, layout = menu.GetLayout(0, -1, [])
        found = find(layout)
        if found is not None:
            break
        if time.monotonic() > deadline:
            sys.exit(f"no menu item {label}")
        time.sleep(0.05)
    menu.Event(found, "clicked", dbus.Int32(0, variant_level=1), dbus.UInt32(0))


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    {"close": close, "tray": tray, "notifications": notifications, "click": click}[command](*args)
