import { settle, ok, type BridgeHooks, type WxCallbacks, type WxResult } from './callback';
import type { Privacy } from './privacy';

type Opts = WxCallbacks<WxResult> & Record<string, unknown>;

/** Where the simulated phone is (default: Tiananmen Square, Beijing). */
export interface DevicePosition {
  latitude: number;
  longitude: number;
  /** Metres. */
  accuracy: number;
}

/** The phone's position, as `getLocation` reports it; tests move it with `set`. */
export class DeviceLocation {
  #position: DevicePosition = { latitude: 39.908823, longitude: 116.39747, accuracy: 65 };

  get position(): DevicePosition {
    return { ...this.#position };
  }

  set(position: Partial<DevicePosition>): void {
    this.#position = { ...this.#position, ...position };
  }
}

/**
 * `wx.getLocation` and `wx.getFuzzyLocation`, privacy APIs of category `Location`. The
 * `scope.userLocation` dialog and app.json `requiredPrivateInfos` are not modelled: the user
 * allows, and the position is the same in every coordinate system.
 */
export function createLocationApi(location: DeviceLocation, privacy: Privacy, hooks: BridgeHooks) {
  return {
    getLocation(options?: Opts) {
      return settle(
        'getLocation',
        options,
        async () => {
          await privacy.authorize('getLocation');
          const { latitude, longitude, accuracy } = location.position;
          return ok('getLocation', {
            latitude,
            longitude,
            speed: -1,
            accuracy,
            altitude: 0,
            verticalAccuracy: 0,
            horizontalAccuracy: accuracy,
          });
        },
        hooks,
      );
    },
    /** The position rounded to about a kilometre, as the fuzzy API gives it. */
    getFuzzyLocation(options?: Opts) {
      return settle(
        'getFuzzyLocation',
        options,
        async () => {
          await privacy.authorize('getFuzzyLocation');
          const { latitude, longitude } = location.position;
          const fuzzy = (x: number) => Math.round(x * 100) / 100;
          return ok('getFuzzyLocation', { latitude: fuzzy(latitude), longitude: fuzzy(longitude) });
        },
        hooks,
      );
    },
  };
}
