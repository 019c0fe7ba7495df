//! Desktop entry point: hands over to the library, which the mobile builds enter directly.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    backstride_lib::run();
}
