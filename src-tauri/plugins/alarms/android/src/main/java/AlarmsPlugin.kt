// Backstride's small native call: whether reminders can ring at the exact minute and whether
// battery use is restricted, and opening the "Alarms & reminders" page to allow exact alarms.

package app.backstride.alarms

import android.app.Activity
import android.app.ActivityManager
import android.app.AlarmManager
import android.content.Context
import android.content.Intent
import android.net.Uri
import android.os.Build
import android.provider.Settings
import app.tauri.annotation.Command
import app.tauri.annotation.TauriPlugin
import app.tauri.plugin.Invoke
import app.tauri.plugin.JSObject
import app.tauri.plugin.Plugin

@TauriPlugin
class AlarmsPlugin(private val activity: Activity) : Plugin(activity) {
    /** Before Android 12 every app may set exact alarms. */
    private fun exactAlarms(): Boolean {
        if (Build.VERSION.SDK_INT < Build.VERSION_CODES.S) return true
        val alarms = activity.getSystemService(Context.ALARM_SERVICE) as AlarmManager
        return alarms.canScheduleExactAlarms()
    }

    /** Battery use "Restricted" (Android 9+) keeps a closed app's alarms from ringing. */
    private fun batteryUnrestricted(): Boolean {
        if (Build.VERSION.SDK_INT < Build.VERSION_CODES.P) return true
        val activities = activity.getSystemService(Context.ACTIVITY_SERVICE) as ActivityManager
        return !activities.isBackgroundRestricted
    }

    @Command
    fun facts(invoke: Invoke) {
        val facts = JSObject()
        facts.put("exactAlarms", exactAlarms())
        facts.put("batteryUnrestricted", batteryUnrestricted())
        invoke.resolve(facts)
    }

    @Command
    fun requestExactAlarms(invoke: Invoke) {
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.S && !exactAlarms()) {
            val page = Intent(Settings.ACTION_REQUEST_SCHEDULE_EXACT_ALARM, Uri.parse("package:" + activity.packageName))
            activity.startActivity(page)
        }
        invoke.resolve()
    }
}
