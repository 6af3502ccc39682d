/* SPDX-License-Identifier: MIT */
/*
 * mqtt_preset.c - the topic layouts of gateways installers already run,
 * as [mqtt_map] keys: `preset = opendtu` starts from these lines and any
 * key the section sets itself replaces the preset's (any `topic` line
 * replaces all of the preset's topics).
 *
 * Each table was written from the gateway's own published topic
 * documentation (docs/mqtt-presets.md names the pages and the settings
 * to use on the gateway). Field names compare without case; values a
 * gateway publishes that pvsentry has no metric for are mapped to
 * `ignore`, so they are neither samples nor complaints.
 */
#include <string.h>

#include "pvs/mqtt.h"

/* OpenDTU (Hoymiles, TSUN): one plain value per topic. */
static const struct pvs_mqtt_preset_kv opendtu[] = {
    {"prefix", "solar"},
    {"topic", "{prefix}/dtu/{field} plain"},
    {"topic", "{prefix}/{serial}/status/{field} plain"},
    {"topic", "{prefix}/{serial}/{channel}/{field} plain"},
    {"skip", "{prefix}/{serial}/{field}"},
    {"skip", "{prefix}/{serial}/device/{field}"},
    {"ac_channel", "0"},
    {"ac.power", "ac_power_w"},
    {"ac.yieldtotal", "ac_energy_wh kWh"},
    {"ac.yieldday", "ac_energy_today_wh Wh"},
    {"ac.voltage", "ac_voltage_v"},
    {"ac.current", "ac_current_a"},
    {"ac.frequency", "ac_frequency_hz"},
    {"ac.powerfactor", "power_factor percent"},
    {"ac.temperature", "temp_heatsink_c"},
    {"ac.powerdc", "dc_power_w"},
    {"ac.efficiency", "ignore"},
    {"ac.reactivepower", "ignore"},
    {"dc.power", "mppt_power_w"},
    {"dc.voltage", "mppt_voltage_v"},
    {"dc.current", "mppt_current_a"},
    {"dc.yieldday", "ignore"},
    {"dc.yieldtotal", "ignore"},
    {"dc.irradiation", "ignore"},
    {"field.reachable", "reachable"},
    /* dtu/status is the broker's last will, sent on change only; the
     * uptime comes every interval and says the DTU is alive */
    {"field.status", "reachable"},
    {"field.uptime", "reachable"},
    {"field.producing", "ignore"},
    {"field.last_update", "ignore"},
    {NULL, NULL},
};

/* AhoyDTU: like OpenDTU, channels named ch0, ch1...; inverters by name. */
static const struct pvs_mqtt_preset_kv ahoy[] = {
    {"prefix", "inverter"},
    {"topic", "{prefix}/{field} plain"},
    {"topic", "{prefix}/{serial}/{field} plain"},
    {"topic", "{prefix}/{serial}/{channel}/{field} plain"},
    {"skip", "{prefix}/total/{field}"},
    {"skip", "{prefix}/total/{channel}/{field}"},
    {"skip", "{prefix}/devcontrol/{field*}"},
    {"ac_channel", "0"},
    {"ac.p_ac", "ac_power_w"},
    {"ac.u_ac", "ac_voltage_v"},
    {"ac.i_ac", "ac_current_a"},
    {"ac.f_ac", "ac_frequency_hz"},
    {"ac.pf_ac", "power_factor percent"},
    {"ac.temp", "temp_heatsink_c"},
    {"ac.yieldtotal", "ac_energy_wh kWh"},
    {"ac.yieldday", "ac_energy_today_wh Wh"},
    {"ac.p_dc", "dc_power_w"},
    {"ac.q_ac", "ignore"},
    {"ac.efficiency", "ignore"},
    {"dc.u_dc", "mppt_voltage_v"},
    {"dc.i_dc", "mppt_current_a"},
    {"dc.p_dc", "mppt_power_w"},
    {"dc.yieldday", "ignore"},
    {"dc.yieldtotal", "ignore"},
    {"dc.irradiation", "ignore"},
    {"field.available", "reachable"},
    {"field.status", "reachable"},
    {"field.uptime", "reachable"},
    {"field.last_success", "ignore"},
    {NULL, NULL},
};

/*
 * Victron Venus OS (dbus-flashmq): N/PORTAL/SERVICE/INSTANCE/PATH with
 * {"value": x}. Nothing is published unless a keep-alive asked for it in
 * the last 60 s; the prefix is the VRM portal ID and must be set. The
 * services of a site, each instance a device (its `serial`): PV inverters
 * (pvinverter), MPPT solar chargers (solarcharger: PV power and today's
 * yield), the grid meter (grid, whose Ac/Power is positive when buying),
 * the battery monitor (battery), the inverter/charger (vebus) and the
 * VE.Direct inverters (inverter). Their paths come from Victron's D-Bus
 * documentation; the grid's sit under "Ac/" so that its power is not a
 * PV inverter's, and a battery gives only its charge and link (a BMS's
 * /State has codes of its own). The /State of chargers and inverters
 * and a PV inverter's /StatusCode are Victron's codes, turned into
 * pvsentry's states by the tables in mqtt_map.c (fault is a fault).
 */
static const struct pvs_mqtt_preset_kv venus[] = {
    {"prefix", ""},
    {"topic", "N/{prefix}/pvinverter/{serial}/{field*} value"},
    {"topic", "N/{prefix}/solarcharger/{serial}/{field*} value"},
    {"topic", "N/{prefix}/grid/{serial}/Ac/{field*} value"},
    {"topic", "N/{prefix}/battery/{serial}/Soc value"},
    {"topic", "N/{prefix}/battery/{serial}/Connected value"},
    {"topic", "N/{prefix}/vebus/{serial}/{field*} value"},
    {"topic", "N/{prefix}/inverter/{serial}/{field*} value"},
    {"skip", "N/{prefix}/battery/{serial}/{field*}"},
    {"keepalive", "30s"},
    {"keepalive_topic", "R/{prefix}/keepalive"},
    {"field.ac/power", "ac_power_w"},
    {"field.ac/energy/forward", "ac_energy_wh kWh"},
    {"field.ac/l1/voltage", "ac_voltage_v"},
    {"field.ac/l1/current", "ac_current_a"},
    {"field.connected", "reachable"},
    {"field.statuscode", "state victron_pvinverter"},
    /* solarcharger, vebus, inverter */
    {"field.state", "state victron"},
    {"field.yield/power", "dc_power_w"},
    {"field.pv/v", "dc_voltage_v"},
    {"field.history/daily/0/yield", "ac_energy_today_wh kWh"},
    /* grid, under Ac/ */
    {"field.power", "meter_power_w"},
    {"field.energy/forward", "meter_energy_import_wh kWh"},
    {"field.energy/reverse", "meter_energy_export_wh kWh"},
    /* battery, vebus */
    {"field.soc", "battery_soc_pct"},
    {NULL, NULL},
};

/* SBFspot (SMA over Bluetooth or Speedwire): one JSON object per run. */
static const struct pvs_mqtt_preset_kv sbfspot[] = {
    {"prefix", "sbfspot"},
    {"topic", "{prefix}_{serial} json"},
    {"field.pactot", "ac_power_w"},
    {"field.etotal", "ac_energy_wh kWh"},
    {"field.etoday", "ac_energy_today_wh kWh"},
    {"field.gridfreq", "ac_frequency_hz"},
    {"field.invtemperature", "temp_heatsink_c"},
    {"field.udc1", "mppt1_voltage_v"},
    {"field.udc2", "mppt2_voltage_v"},
    {"field.idc1", "mppt1_current_a"},
    {"field.idc2", "mppt2_current_a"},
    {"field.pdc1", "mppt1_power_w"},
    {"field.pdc2", "mppt2_power_w"},
    {NULL, NULL},
};

/* deye-inverter-mqtt: one plain value per topic under one prefix. */
static const struct pvs_mqtt_preset_kv deye[] = {
    {"prefix", "deye"},
    {"topic", "{prefix}/dc/{channel}/{field} plain"},
    {"topic", "{prefix}/{field*} plain"},
    {"ac_channel", "-1"},
    {"field.ac/active_power", "ac_power_w"},
    {"field.total_energy", "ac_energy_wh kWh"},
    {"field.day_energy", "ac_energy_today_wh kWh"},
    {"field.ac/l1/voltage", "ac_voltage_v"},
    {"field.ac/l1/current", "ac_current_a"},
    {"field.ac/freq", "ac_frequency_hz"},
    {"field.radiator_temp", "temp_heatsink_c"},
    {"field.dc/total_power", "dc_power_w"},
    {"field.logger_status", "reachable"},
    {"dc.power", "mppt_power_w"},
    {"dc.voltage", "mppt_voltage_v"},
    {"dc.current", "mppt_current_a"},
    {"dc.day_energy", "ignore"},
    {"dc.total_energy", "ignore"},
    {NULL, NULL},
};

/* Shelly Gen2 energy meters (Pro 3EM, Pro EM, Plus PM): RPC status JSON. */
static const struct pvs_mqtt_preset_kv shelly[] = {
    {"prefix", ""},
    {"topic", "{serial}/status/{channel} json"},
    {"topic", "{serial}/online plain"},
    {"field.total_act_power", "meter_power_w"},
    {"field.act_power", "meter_power_w"},
    {"field.a_voltage", "ac_voltage_v"},
    {"field.voltage", "ac_voltage_v"},
    {"field.total_act", "meter_energy_import_wh"},
    {"field.total_act_ret", "meter_energy_export_wh"},
    {"field.total_act_energy", "meter_energy_import_wh"},
    {"field.total_act_ret_energy", "meter_energy_export_wh"},
    {"field.online", "reachable"},
    {NULL, NULL},
};

/* Tasmota energy monitoring: tele/TOPIC/SENSOR JSON, LWT Online/Offline. */
static const struct pvs_mqtt_preset_kv tasmota[] = {
    {"prefix", "tele"},
    {"topic", "{prefix}/{serial}/SENSOR json"},
    {"topic", "{prefix}/{serial}/LWT plain"},
    {"field.energy.power", "meter_power_w"},
    {"field.energy.total", "meter_energy_import_wh kWh"},
    {"field.energy.voltage", "ac_voltage_v"},
    {"field.energy.current", "ac_current_a"},
    {"field.energy.factor", "power_factor"},
    {"field.lwt", "reachable"},
    {NULL, NULL},
};

/*
 * Home Assistant MQTT statestream: BASE/DOMAIN/OBJECT_ID/state, a plain
 * value. Entities are named by the user, so each one is bound with
 * field.OBJECT_ID = METRIC [UNIT] @DEVICE.
 */
static const struct pvs_mqtt_preset_kv statestream[] = {
    {"prefix", "homeassistant"},
    {"topic", "{prefix}/sensor/{field}/state plain"},
    {"topic", "{prefix}/binary_sensor/{field}/state plain"},
    {NULL, NULL},
};

static const struct {
    const char *name;
    const struct pvs_mqtt_preset_kv *kv;
} presets[] = {
    {"opendtu", opendtu}, {"ahoy", ahoy},
    {"venus", venus},     {"sbfspot", sbfspot},
    {"deye", deye},       {"shelly", shelly},
    {"tasmota", tasmota}, {"statestream", statestream},
};

const struct pvs_mqtt_preset_kv *pvs_mqtt_preset_find(const char *name) {
    for (size_t i = 0; i < PVS_ARRAY_LEN(presets); i++)
        if (!pvs_strcasecmp(presets[i].name, name))
            return presets[i].kv;
    return NULL;
}

const char *pvs_mqtt_preset_name(size_t i) {
    return i < PVS_ARRAY_LEN(presets) ? presets[i].name : NULL;
}
